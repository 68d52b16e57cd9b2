// Types of wasm/lede.js and of the schema-1 result (design.md, "The contract").
// Offsets (`start`/`end`) count UTF-16 code units by default, so
// `text.slice(start, end)` is exact; `options.offsets` picks utf8 or codepoint.

export type OffsetUnit = 'utf16' | 'utf8' | 'codepoint';

export interface AnalyzeOptions {
  /** Unit of every start/end. Default 'utf16'. */
  offsets?: OffsetUnit;
  /** Refuse texts over this many UTF-8 bytes. Default 16 MiB in wasm. */
  maxBytes?: number;
  /** Indent the JSON (analyzeJson), as `lede analyze --pretty`. */
  pretty?: boolean;
}

/** A text: a string, or UTF-8 bytes (invalid sequences become U+FFFD with a warning). */
export type Input = string | Uint8Array | ArrayBuffer;

export interface Span {
  start: number;
  end: number;
}
export interface TextSpan extends Span {
  text: string;
}

export interface Stats {
  /** Unicode code points of the decoded text. */
  chars: number;
  paragraphs: number;
  sentences: number;
  words: number;
}

export interface Warning {
  /** e.g. 'invalid-utf8', 'nul-bytes', 'unclosed-quote' */
  code: string;
  message: string;
}

export type EntityType =
  | 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT' | 'DATE' | 'TIME'
  | 'MONEY' | 'PERCENT' | 'QUANTITY' | 'CARDINAL' | 'ORDINAL';

export interface Quantity {
  value: number;
  /** Upper bound, only when approx is 'range'. */
  max?: number;
  /** Canonical unit ('km2', 'USD', '%', ...), '' if none. */
  unit: string;
  approx: 'exact' | 'about' | 'more-than' | 'less-than' | 'at-least' | 'at-most' | 'range';
}

export interface Mention extends TextSpan {
  quantity?: Quantity;
}

export interface Entity {
  /** 'E1', 'E2', ... */
  id: string;
  type: EntityType | string;
  /** Canonical (longest) name. */
  name: string;
  /** Titles and roles ("US Defense Secretary"). */
  roles: string[];
  salience: number;
  /** NORP only: the id of its country entity. */
  country?: string;
  mentions: Mention[];
}

export interface Cue extends TextSpan {
  /** 'say', 'deny', 'according to', ... */
  lemma: string;
  /** say, claim, deny, admit, warn, announce, ask */
  stance: string;
}

export interface Speaker {
  /** Entity id the speaker resolves to, or null. */
  entity: string | null;
  name: string | null;
  /** The mention next to the cue as written ("he"); null when there is none. */
  start: number | null;
  end: number | null;
  text: string | null;
  anonymous: boolean;
  /** For anonymous sources: "one of the officials". */
  descriptor: string | null;
  /** An anonymous source's organization (entity id), or null. */
  organization: string | null;
}

export interface Quote extends TextSpan {
  /** 'Q1', 'Q2', ... */
  id: string;
  kind: 'direct' | 'partial' | 'indirect' | 'scare';
  cue: Cue | null;
  speaker: Speaker | null;
  confidence: number;
  /** An opening mark with no closing mark in its paragraph. */
  unclosed?: true;
}

export interface Claim extends TextSpan {
  /** 'C1', 'C2', ... */
  id: string;
  /** Check-worthiness in [0, 1]. */
  score: number;
  /** quantity, comparison, change, causal, prediction, ... */
  types: string[];
  source: {entity: string | null; quote: string | null};
  hedged: boolean;
  reasons: string[];
}

export interface Check {
  /** unit-conversion, repeated-figure, duration, parts-sum, percentage */
  kind: string;
  verdict: 'consistent' | 'approximate' | 'inconsistent' | string;
  message: string;
  spans: Span[];
}

export interface Analysis {
  schema: 1;
  offsets: OffsetUnit;
  stats: Stats;
  warnings: Warning[];
  entities: Entity[];
  quotes: Quote[];
  claims: Claim[];
  checks: Check[];
}

/** A claim of one article in a comparison (ids as in its analyze() output). */
export interface ComparedClaim extends TextSpan {
  id: string;
  score: number;
}

/** A quote of one article in a comparison. */
export interface ComparedQuote extends TextSpan {
  id: string;
}

/** A figure of one article that the other states differently. */
export interface ComparedFigure extends TextSpan {
  claim: string | null;
  value: number;
  unit: string;
  approx: string;
}

/** A name only one article uses. */
export interface LoneName {
  name: string;
  type: string;
  ids: string[];
}

/** The result of compare(): what two articles share (docs/compare.md). */
export interface Comparison {
  schema: 1;
  kind: 'compare';
  a: {error?: string; offsets: OffsetUnit; chars: number; entities: number; claims: number; quotes: number};
  b: {error?: string; offsets: OffsetUnit; chars: number; entities: number; claims: number; quotes: number};
  entities: {
    /** Names both use, merged across spellings ("US" / "United States"). */
    both: {name: string; type: string; a: string[]; b: string[]; a_names: string[]; b_names: string[]}[];
    only_a: LoneName[];
    only_b: LoneName[];
  };
  claims: {
    both: {a: ComparedClaim; b: ComparedClaim; similarity: number; entities: string[];
           figures: string[]; words: string[]}[];
    only_a: ComparedClaim[];
    only_b: ComparedClaim[];
  };
  figures: {verdict: 'differ'; message: string; a: ComparedFigure; b: ComparedFigure}[];
  quotes: {
    both: {speaker: string | null; overlap: number; a: ComparedQuote; b: ComparedQuote}[];
    only_a: ComparedQuote[];
    only_b: ComparedQuote[];
  };
}

export interface Lede {
  /** The core's version, e.g. '0.1.0'. */
  readonly version: string;
  /** Throws Error with the core's message on failure (bad options, input too large). */
  analyze(text: Input, options?: AnalyzeOptions): Analysis;
  /** The same as analyze, as the JSON string `lede analyze` prints. */
  analyzeJson(text: Input, options?: AnalyzeOptions): string;
  /** What articles a and b share and where their figures differ, as `lede compare`. */
  compare(a: Input, b: Input, options?: AnalyzeOptions): Comparison;
  /** The same as compare, as the JSON string `lede compare` prints. */
  compareJson(a: Input, b: Input, options?: AnalyzeOptions): string;
  /** Benchmark helper: seconds per stage of one analysis, as `lede bench` reports them. */
  stageTimes(text: Input): [stage: string, seconds: number][];
  /**
   * Benchmark helper: the heap's top and the bytes in use after each phase of
   * one analysis ("input", the stages, "json").
   */
  stageMemory(text: Input, options?: AnalyzeOptions): [phase: string, heapTop: number, inUse: number][];
  /** The module's memory now, in bytes (it never shrinks); 0 while restarting. */
  memoryBytes(): number;
}

export interface CreateLedeOptions {
  /** The bytes of lede.wasm; required in node, optional in browsers. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /**
   * lede.wasm already compiled, or a promise of it (resolving to null: compile
   * as without it), so that fetching and compiling can start before lede.js loads.
   */
  wasmModule?: WebAssembly.Module | Promise<WebAssembly.Module | null>;
  /** Where to fetch `path` ('lede.wasm') from; default: beside lede-module.js. */
  locateFile?: (path: string, prefix: string) => string;
  /**
   * The most memory (bytes) the module may grow to; default and at most
   * MAX_MEMORY (1 GiB). A call that needs more throws an Error saying "out of
   * memory"; the next call runs in a fresh instance.
   */
  maxMemory?: number;
}

export const MAX_MEMORY: number;
export const DEFAULT_MAX_BYTES: number;

export function createLede(options?: CreateLedeOptions): Promise<Lede>;

/** `s` with every lone surrogate replaced by U+FFFD. */
export function toWellFormed(s: string): string;

/** Worker protocol (worker.js). */
export type WorkerRequest =
  | {id: number | string; type: 'analyze'; text: Input; options?: AnalyzeOptions}
  | {id: number | string; type: 'compare'; a: Input; b: Input; options?: AnalyzeOptions}
  | {id: number | string; type: 'version'}
  | {id: number | string; type: 'startup'};
/** When each step of the worker's start-up ended (ms since the epoch). */
export interface WorkerStartup {
  script: number;
  compiled?: number;
  imported?: number;
  ready?: number;
  warmUpStart?: number;
  warmUpEnd?: number;
}
export type WorkerReply =
  | {id: number | string; json: string}  // analyze/compare: the result's JSON
  | {id: number | string; result: Analysis | Comparison | string | WorkerStartup}
  | {id: number | string; error: string}
  | {id: number | string; progress: number};
