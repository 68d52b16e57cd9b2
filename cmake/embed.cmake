# Turns the file IN into a C++ source OUT defining IDENT[] and IDENT_size.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" len)
math(EXPR size "${len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," body "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" body "${body}")
file(WRITE ${OUT} "namespace lede {\nextern const unsigned char ${IDENT}[];\nextern const unsigned long ${IDENT}_size;\n// Aligned so that binary data can be read in place (core/src/entities/ner_model.cc).\nalignas(16) const unsigned char ${IDENT}[] = {\n${body}0};\nconst unsigned long ${IDENT}_size = ${size};\n}  // namespace lede\n")
