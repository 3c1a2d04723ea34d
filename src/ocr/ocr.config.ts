import type { OcrEngineName } from './ocr-engine.js';

/** The `ocr` configuration namespace, as the config module validates and provides it. */
export interface OcrConfig {
  /** Engines that read each page, in order (`OCR_ENGINES`); two are combined. */
  engines: OcrEngineName[];
  /** Recognisers per engine per process; each takes one core while it recognises. */
  poolSize: number;
  /** A worker is replaced after this many recognitions, to hand back memory tesseract keeps. */
  recycleAfterJobs: number;
  /**
   * Deadline for one receipt's whole extraction, and so for any one recognition in it: past it
   * the attempt fails with TIMEOUT and a recogniser still busy is terminated and replaced.
   */
  jobTimeoutMs: number;
  /**
   * libvips threads per image operation (`OCR_IMAGE_THREADS`, sharp.concurrency). One: a job's
   * preparation then uses the one core its recogniser reads on, and the worker's parallelism is
   * its jobs (WORKER_CONCURRENCY), not libvips' default of a thread per core. Process-wide.
   */
  imageThreads?: number;
  maxImagePixels: number;
  maxPdfPages: number;
}
