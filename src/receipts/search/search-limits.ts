/**
 * Bounds on the work of one list request, so a page costs about the same at 100 receipts and
 * at 100,000 (issue 9: the exact count made the default list ~420 ms at 100,000).
 */

/**
 * Matches counted for `total` unless `includeTotal=true`: below it the count is exact, above it
 * `total` is this bound and `totalExact` false. At 100,000 receipts the bounded count took
 * 0.8 ms and the exact one about 0.3 s (bench/RESULTS.md).
 */
export const TOTAL_COUNT_CAP = 1000;

/**
 * With `q` and the relevance order, only the newest this many matches are ranked: ranking
 * reads each candidate's row, and a word on most receipts ("total") made that 100,000 rows.
 * The same as the count's bound, so one pass over the creation-time index answers both.
 */
export const RANKED_MATCHES_CAP = TOTAL_COUNT_CAP;
