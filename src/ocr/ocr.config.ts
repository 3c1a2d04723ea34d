/** The `ocr` configuration namespace, as the config module validates and provides it. */
export interface OcrConfig {
  /** tesseract.js workers per process; each takes one core while it recognises. */
  poolSize: number;
  /** A worker is replaced after this many recognitions, to hand back memory tesseract keeps. */
  recycleAfterJobs: number;
  /**
   * Deadline for one receipt's whole extraction, and so for any one recognition in it: past it
   * the attempt fails with TIMEOUT and a recogniser still busy is terminated and replaced.
   */
  jobTimeoutMs: number;
  maxImagePixels: number;
  maxPdfPages: number;
}
