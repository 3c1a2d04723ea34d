/** The `ocr` configuration namespace, as the config module validates and provides it. */
export interface OcrConfig {
  /** tesseract.js workers per process; each takes one core while it recognises. */
  poolSize: number;
  /** A worker is replaced after this many recognitions, to hand back memory tesseract keeps. */
  recycleAfterJobs: number;
  /** Deadline for one page's recognition; past it the worker is terminated and replaced. */
  jobTimeoutMs: number;
  maxImagePixels: number;
  maxPdfPages: number;
}
