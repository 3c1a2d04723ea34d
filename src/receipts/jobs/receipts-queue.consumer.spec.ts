import type { ConfigService } from '@nestjs/config';
import type { Job, Queue } from 'bull';
import { describe, expect, it, vi } from 'vitest';
import type { AllConfig } from '../../config/configuration.js';
import type { ProcessReceiptProcessor } from './process-receipt.processor.js';
import { ReceiptJob, type ReceiptJobPayload } from './receipt-jobs.js';
import { ReceiptsQueueConsumer } from './receipts-queue.consumer.js';
import type { ReextractReceiptProcessor } from './reextract-receipt.processor.js';

function consumer(concurrency: number) {
  const queue = { process: vi.fn(() => Promise.resolve()) };
  const processing = { handle: vi.fn(() => Promise.resolve('completed')) };
  const reextraction = { handle: vi.fn(() => Promise.resolve('needs_review')) };
  const config = { getOrThrow: () => ({ concurrency }) };
  const subject = new ReceiptsQueueConsumer(
    queue as unknown as Queue<ReceiptJobPayload>,
    processing as unknown as ProcessReceiptProcessor,
    reextraction as unknown as ReextractReceiptProcessor,
    config as unknown as ConfigService<AllConfig, true>,
  );
  return { subject, queue, processing, reextraction };
}

const job = (name: string) => ({ id: '1', name, data: {} }) as Job<ReceiptJobPayload>;

describe('ReceiptsQueueConsumer', () => {
  it('registers one handler for every job name, with WORKER_CONCURRENCY slots in all', () => {
    const { subject, queue } = consumer(1);
    subject.onApplicationBootstrap();
    expect(queue.process).toHaveBeenCalledTimes(1);
    expect(queue.process).toHaveBeenCalledWith('*', 1, expect.any(Function));
  });

  it('hands each job to the processor of its name', async () => {
    const { subject, processing, reextraction } = consumer(2);
    await expect(subject.dispatch(job(ReceiptJob.PROCESS))).resolves.toBe('completed');
    await expect(subject.dispatch(job(ReceiptJob.REEXTRACT))).resolves.toBe('needs_review');
    expect(processing.handle).toHaveBeenCalledTimes(1);
    expect(reextraction.handle).toHaveBeenCalledTimes(1);
  });

  it('fails a job whose name no processor knows', async () => {
    const { subject, processing, reextraction } = consumer(1);
    await expect(subject.dispatch(job('resize-thumbnail'))).rejects.toThrow(/unknown job name/);
    expect(processing.handle).not.toHaveBeenCalled();
    expect(reextraction.handle).not.toHaveBeenCalled();
  });
});
