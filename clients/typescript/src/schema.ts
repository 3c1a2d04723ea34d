/**
 * Generated from the Receipt Vault OpenAPI document by openapi-typescript.
 * Do not edit: run `npm run openapi:generate` in the repository root.
 */

export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up. Never touches a dependency. */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: PostgreSQL, Redis, the queue, storage and a recent worker heartbeat */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (email is case-insensitive; password 10–128 characters) */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for an access token and a refresh token */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token; reusing an old one revokes the whole session */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session: its refresh tokens and access tokens stop working
         * @description Also clears the cookie of a browser session (POST /v1/auth/session)
         *
         *     API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in from a browser: an access token, and the refresh token as a cookie
         * @description Sets `rv_refresh` (httpOnly, SameSite=Strict, Path=/v1/auth, Secure in production); the body has no refresh token. Renew with POST /v1/auth/session/refresh.
         */
        post: operations["SessionController_signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Renew a browser session: rotates the cookie, returns a new access token
         * @description Reads the cookie only from same-origin browser requests (`Sec-Fetch-Site`). Reusing an old cookie revokes the whole session.
         */
        post: operations["SessionController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        /**
         * Delete your account and everything in it
         * @description Removes the account, its sessions (every token stops working at once), receipts, files, tags, history, search entries and cached copies. It cannot be undone: export first.
         *
         *     API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        delete: operations["AccountDataController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your live sessions, most recently used first
         * @description Every sign-in that has not signed out or expired; `current` marks this one.
         *
         *     API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        get: operations["MeSessionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions/sign-out-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere else
         * @description Ends every session but this one: their tokens stop working at once.
         *
         *     API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        post: operations["MeSessionsController_signOutOthers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign out one session
         * @description Its tokens stop working at once. Ending the current one is the same as logout.
         *
         *     API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        delete: operations["MeSessionsController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every queue with its job counts per state and whether it is paused
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        get: operations["AdminQueuesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/queues/{name}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a queue for every worker (jobs in progress finish)
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        post: operations["AdminQueuesController_pause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/queues/{name}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused queue
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        post: operations["AdminQueuesController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/queues/{name}/retry-failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry the failed jobs of a queue (up to 1000 at a time)
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        post: operations["AdminQueuesController_retryFailed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/queues/{name}/clean-completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove the completed jobs kept in a queue
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        post: operations["AdminQueuesController_cleanCompleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jobs in one state (default failed), newest first, with reasons
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        get: operations["AdminQueuesController_jobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload several receipts in one request; answered 202 with one entry per file
         * @description Every `file` part is streamed and checked like a single upload, one after another; a refused file becomes an entry with its `error` (for example FILE_TOO_LARGE or UNSUPPORTED_MEDIA_TYPE) and the others go on. Bytes uploaded before become an entry with `duplicateOf`. More than BATCH_MAX_FILES `file` parts refuse the whole batch (413 BATCH_TOO_MANY_FILES) and nothing is kept; so does a connection that drops before the body is complete. Once the body is read, every accepted receipt is processed, even when the client is gone before the answer.
         *
         *     API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["BatchesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A batch: counts per status and the current state of each entry
         * @description API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["BatchesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/events-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A short-lived token that opens this batch’s event stream from a browser EventSource
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        post: operations["BatchesController_eventsToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live progress of every receipt of a batch (Server-Sent Events)
         * @description Events: `state` (the batch, as GET /v1/batches/{id}, sent first), then the events of each unfinished receipt as its own stream has them (`queued`, `stage`, `progress`, `completed`, `needs_review`, `failed`, each with `receiptId`), and `batch.completed` with the final state once no receipt is queued or processing, after which the stream closes; `heartbeat` every SSE_HEARTBEAT_MS. A reconnecting client gets a fresh `state` (no Last-Event-ID replay). Authenticate with a bearer token, or `?token=` from POST …/events-token.
         *
         *     API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["BatchesController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Totals per currency: count, sum of totals and tax, average, groups, top merchants
         * @description Takes the same filters as GET /v1/receipts. Amounts in different currencies are never added together; receipts in the trash are left out.
         *
         *     API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["ReceiptStatsController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A receipt: status, stage, progress, timings, the error or the extracted record
         * @description API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["ReceiptsController_get"];
        put?: never;
        post?: never;
        /**
         * Move a receipt to the trash (or, with permanent=true, delete it and its file now)
         * @description A trashed receipt is hidden from lists, search, stats and exports, can be restored from GET /v1/trash, and is purged TRASH_RETENTION_DAYS later. permanent=true also empties it from the trash.
         *
         *     API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        delete: operations["ReceiptsController_delete"];
        options?: never;
        head?: never;
        /**
         * Correct a receipt (JSON merge-patch); needs If-Match
         * @description Members present are set (`null` = no value); `lineItems` and `tags` replace the lists. Corrected fields get `source: "user"` and confidence 1 and survive reprocessing and re-extraction. The arithmetic checks run again, so the receipt may move between `needs_review` and `completed`. Every change is in the history.
         *
         *     API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        patch: operations["ReceiptCorrectionsController_patch"];
        trace?: never;
    };
    "/v1/receipts/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail: field, old, new, who, when (oldest first)
         * @description API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["ReceiptCorrectionsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the record as it is (status completed, confirmedAt, confirmedBy)
         * @description API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["ReceiptCorrectionsController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/reextract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the parser again over the kept OCR text (no OCR); corrections survive
         * @description Queued for a worker (milliseconds of work); watch the receipt or its events. The history records the old and new summary.
         *
         *     API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["ReceiptCorrectionsController_reextract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/not-duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clear the possible-duplicate flag (it is not set again)
         * @description API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["ReceiptCorrectionsController_notDuplicate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a tag to a receipt (created when new; case-insensitive)
         * @description API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["ReceiptCorrectionsController_addTag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/tags/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a tag off a receipt (the tag itself stays)
         * @description API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        delete: operations["ReceiptCorrectionsController_removeTag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search and list your receipts: full text, filters, sort, cursor pages
         * @description Newest first by default, ranked by relevance with q. Every filter and sort is index-served. Page with `limit` and `nextCursor` (stable while receipts arrive); `page`/`pageSize` still work but are deprecated. Receipts in the trash are left out. Review queue: `?status=needs_review&sort=confidence`. `total` is exact up to 1,000 matches (`totalExact`); `includeTotal=true` counts them all.
         *
         *     API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["ReceiptsController_list"];
        put?: never;
        /**
         * Upload a receipt (photo, scan or PDF); answered 202 at once, processed in the background
         * @description The same user uploading byte-identical content again gets the existing receipt (200 with `duplicateOf`).
         *
         *     API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["ReceiptsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the original upload
         * @description API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["ReceiptsController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Process a finished receipt again (e.g. after a failure)
         * @description API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["ReceiptsController_reprocess"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/events-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A short-lived token that opens this receipt’s event stream from a browser EventSource
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        post: operations["ReceiptsController_eventsToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live progress (Server-Sent Events)
         * @description Events: `state` (current state, sent first), `queued`, `stage`, `progress`, then one of `completed`, `needs_review`, `failed`, after which the stream closes; `heartbeat` every SSE_HEARTBEAT_MS (15 s). Send `Last-Event-ID` to resume. Authenticate with a bearer token, or `?token=` from POST …/events-token.
         *
         *     API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["ReceiptsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your tags with how many receipts carry each
         * @description API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["TagsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags/{tagId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a tag and take it off every receipt
         * @description API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        delete: operations["TagsController_delete"];
        options?: never;
        head?: never;
        /**
         * Rename a tag (on every receipt that has it)
         * @description API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        patch: operations["TagsController_rename"];
        trace?: never;
    };
    "/v1/trash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receipts in the trash, most recently deleted first
         * @description DELETE /v1/receipts/{id} moves a receipt here; it is purged for good TRASH_RETENTION_DAYS later (see purgeAfter), or at once with DELETE …?permanent=true.
         *
         *     API keys: needs scope `receipts:read` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["TrashController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a receipt out of the trash
         * @description API keys: needs scope `receipts:write` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["TrashController_restore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/receipts.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your receipts as CSV, one row each
         * @description Takes the search filters of GET /v1/receipts (never the trash), newest first. RFC 4180 with a header row, UTF-8 (`bom=true` adds a byte order mark for Excel); text cells starting with = + - @ are prefixed with an apostrophe so spreadsheets do not run them as formulas. Streamed from a database cursor: any number of receipts in constant memory.
         *
         *     API keys: needs scope `exports` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["ExportsController_receipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/line-items.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The line items of your receipts as CSV, one row per item
         * @description Takes the search filters of GET /v1/receipts (never the trash), newest first. RFC 4180 with a header row, UTF-8 (`bom=true` adds a byte order mark for Excel); text cells starting with = + - @ are prefixed with an apostrophe so spreadsheets do not run them as formulas. Streamed from a database cursor: any number of receipts in constant memory.
         *
         *     API keys: needs scope `exports` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["ExportsController_lineItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exports/receipts.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Both CSVs plus the original files, as one ZIP
         * @description receipts.csv, line-items.csv and originals/YYYY-MM-DD_merchant_total.ext for every matching receipt (undated, unknown and no-total stand in for missing values; clashes get _2, _3 …). Streamed.
         *
         *     API keys: needs scope `exports` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["ExportsController_zip"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your webhooks
         * @description API keys: needs scope `webhooks` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["WebhooksController_list"];
        put?: never;
        /**
         * Subscribe a URL to receipt events; the signing secret is in this answer only
         * @description Events: receipt.completed, receipt.needs_review, receipt.failed, receipt.corrected. Each delivery is a signed POST (Standard Webhooks headers `webhook-id`, `webhook-timestamp`, `webhook-signature`).
         *
         *     API keys: needs scope `webhooks` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook
         * @description API keys: needs scope `webhooks` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        /**
         * Unsubscribe; pending deliveries are dropped
         * @description API keys: needs scope `webhooks` (403 INSUFFICIENT_SCOPE otherwise).
         */
        delete: operations["WebhooksController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log, newest first (the latest 50)
         * @description API keys: needs scope `webhooks` (403 INSUFFICIENT_SCOPE otherwise).
         */
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an earlier event again (same event id and body)
         * @description API keys: needs scope `webhooks` (403 INSUFFICIENT_SCOPE otherwise).
         */
        post: operations["WebhooksController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your API keys, revoked and expired ones included (never the keys themselves)
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        get: operations["ApiKeysController_list"];
        put?: never;
        /**
         * Create a scoped API key; the key is in this answer only
         * @description Send the key as `X-API-Key: rv_…` or `Authorization: Bearer rv_…`. Each key is rate-limited on its own (API_KEY_RATE_LIMIT requests per API_KEY_RATE_TTL_SECONDS).
         *
         *     API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key: it stops working at once
         * @description API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything you own as one JSON document
         * @description `{ exportedAt, user, tags, batches, receipts: [...] }`: every receipt (the trash too) as stored — record, corrections, OCR text and lines, timings — with its history. Streamed. The original files are in GET /v1/exports/receipts.zip.
         *
         *     API keys are refused here (403 SESSION_REQUIRED): a signed-in user only.
         */
        get: operations["AccountDataController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Stable, machine-readable code
         * @enum {string}
         */
        ErrorCode: "VALIDATION_FAILED" | "BAD_REQUEST" | "MALFORMED_JSON" | "NOT_FOUND" | "METHOD_NOT_ALLOWED" | "PAYLOAD_TOO_LARGE" | "HEADERS_TOO_LARGE" | "REQUEST_TIMEOUT" | "RATE_LIMITED" | "DEPENDENCY_UNAVAILABLE" | "INTERNAL_ERROR" | "UNAUTHORIZED" | "INVALID_CREDENTIALS" | "INVALID_REFRESH_TOKEN" | "EMAIL_TAKEN" | "SESSION_NOT_FOUND" | "FORBIDDEN" | "API_KEY_INVALID" | "API_KEY_REVOKED" | "API_KEY_EXPIRED" | "INSUFFICIENT_SCOPE" | "SESSION_REQUIRED" | "QUEUE_NOT_FOUND" | "RECEIPT_NOT_FOUND" | "RECEIPT_BUSY" | "FILE_MISSING" | "FILE_TOO_LARGE" | "EMPTY_FILE" | "UNSUPPORTED_MEDIA_TYPE" | "IMAGE_TOO_LARGE" | "TOO_MANY_PAGES" | "PDF_ENCRYPTED" | "PRECONDITION_REQUIRED" | "PRECONDITION_FAILED" | "RECEIPT_NOT_EXTRACTED" | "INVALID_CURSOR" | "TAG_NOT_FOUND" | "TAG_EXISTS" | "FILE_UNREADABLE" | "OCR_FAILED" | "EXTRACTION_FAILED" | "TIMEOUT" | "WEBHOOK_NOT_FOUND" | "WEBHOOK_DELIVERY_NOT_FOUND" | "WEBHOOK_URL_INVALID" | "WEBHOOK_URL_REFUSED" | "WEBHOOK_LIMIT_REACHED" | "IDEMPOTENCY_KEY_INVALID" | "IDEMPOTENCY_KEY_REUSED" | "IDEMPOTENCY_REQUEST_IN_PROGRESS" | "BATCH_NOT_FOUND" | "BATCH_EMPTY" | "BATCH_TOO_MANY_FILES" | "API_KEY_NOT_FOUND" | "API_KEY_LIMIT_REACHED";
        /** @description The body of every error response */
        Error: {
            /** @example 404 */
            statusCode: number;
            /**
             * @description Stable, machine-readable code
             * @example RECEIPT_NOT_FOUND
             */
            code: components["schemas"]["ErrorCode"];
            /** @example Receipt not found */
            message: string;
            /**
             * @description Echo of X-Request-ID
             * @example 9f1c2a6e-52c1-4a43-9d39-3c0f6c2f8f0e
             */
            requestId: string;
            /**
             * @description Extra detail; for VALIDATION_FAILED a list of { field, messages }
             * @example [
             *       {
             *         "field": "email",
             *         "messages": [
             *           "email must be an email"
             *         ]
             *       }
             *     ]
             */
            details?: Record<string, never>;
        };
        /** @description Email and password */
        Credentials: {
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery staple */
            password: string;
        };
        /** @description An account */
        User: {
            /** Format: uuid */
            id: string;
            /** @example ada@example.com */
            email: string;
            /**
             * @description Stored role; ADMIN_EMAILS may grant admin rights on top
             * @enum {string}
             */
            role: "user" | "admin";
            createdAt: string;
        };
        /** @description An access token and its refresh token */
        TokenPair: {
            /** @description JWT for `Authorization: Bearer …` */
            accessToken: string;
            /** @example Bearer */
            tokenType: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** @description Opaque, single-use; trade it at /v1/auth/refresh */
            refreshToken: string;
        };
        /** @description A refresh token to trade for a new pair */
        RefreshRequest: {
            /** @description The refresh token from login or the previous refresh */
            refreshToken: string;
        };
        /** @description An access token; the refresh token of this browser session is in its cookie */
        AccessToken: {
            /** @description JWT for `Authorization: Bearer …` */
            accessToken: string;
            /** @example Bearer */
            tokenType: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
        };
        /** @description One sign-in (a browser or an API client) and the refresh tokens that rotate from it */
        Session: {
            /** Format: uuid */
            id: string;
            /** @description When it signed in */
            createdAt: string;
            /** @description When its refresh token was last renewed: the latest sign of use (access tokens are not tracked) */
            lastRenewedAt: string;
            /** @description When it ends unless renewed */
            expiresAt: string;
            /** @description The User-Agent it signed in with (what the client sent: a hint, not proof) */
            userAgent: string | null;
            /** @description The session of the access token making this request */
            current: boolean;
        };
        SignedOutSessions: {
            /**
             * @description How many other sessions were ended
             * @example 2
             */
            signedOut: number;
        };
        /** @description Jobs of a queue per state */
        QueueCounts: {
            waiting: number;
            active: number;
            delayed: number;
            failed: number;
            completed: number;
            paused: number;
        };
        /** @description A queue as an operator sees it */
        QueueSummary: {
            /** @example receipts */
            name: string;
            /** @description Paused for every worker (global pause) */
            paused: boolean;
            counts: components["schemas"]["QueueCounts"];
        };
        /** @description What an admin action on a queue did */
        QueueActionResult: {
            /** @example receipts */
            queue: string;
            /** @description Jobs retried or removed (0 for pause and resume) */
            affected: number;
        };
        /** @description A queue job with its state and failure reason */
        AdminJob: {
            /** @example receipts */
            queue: string;
            /** @description For receipt jobs, the receipt id */
            id: string;
            /** @example process-receipt */
            name: string;
            /** @enum {string} */
            state: "waiting" | "active" | "delayed" | "failed" | "completed" | "paused";
            attemptsMade: number;
            /** @description Why the last attempt failed */
            failedReason?: string;
            /** @description When the job was added (ISO 8601) */
            createdAt: string;
            finishedAt?: string;
        };
        /** @description The multipart body of a batch upload */
        ReceiptBatchUpload: {
            /** @description One `file` part per receipt (the field repeated), 1 to BATCH_MAX_FILES (100) of them; each is checked like a single upload (type from the bytes, up to MAX_UPLOAD_BYTES). */
            file: Blob[];
            /** @description Given to every receipt of the batch */
            note?: string;
            /** @description Given to every receipt of the batch. Comma-separated, or the field repeated; at most 20 tags of 50 characters */
            tags?: string;
        };
        /**
         * @description The receipt status (at upload in the POST answer, current in GET)
         * @enum {string}
         */
        BatchReceiptStatus: "queued" | "processing" | "completed" | "needs_review" | "failed" | "deleted";
        /** @description Why one file of a batch was refused */
        BatchEntryError: {
            /**
             * @description The code a single upload of this file would have been refused with
             * @example FILE_TOO_LARGE
             */
            code: components["schemas"]["ErrorCode"];
            /** @example The file is larger than the 20971520 bytes allowed */
            message: string;
        };
        /** @description One `file` part of a batch, in request order: either a receipt (`id`, `status`, and `duplicateOf` for bytes uploaded before) or an `error` */
        BatchEntry: {
            /** @description 0-based position of the `file` part in the request */
            index: number;
            /** @description The client filename (metadata only) */
            filename: string | null;
            /** Format: uuid */
            id?: string;
            /** @description The receipt status (at upload in the POST answer, current in GET) */
            status?: components["schemas"]["BatchReceiptStatus"];
            /**
             * Format: uuid
             * @description Set when the same file was uploaded before: the existing receipt
             */
            duplicateOf?: string;
            error?: components["schemas"]["BatchEntryError"];
        };
        /** @description Where to read and watch a batch */
        BatchLinks: {
            /** @example /v1/batches/7b1e… */
            self: string;
            /**
             * @description Server-Sent Events
             * @example /v1/batches/7b1e…/events
             */
            events: string;
        };
        /** @description The answer to a batch upload: one entry per `file` part */
        BatchAccepted: {
            /** Format: uuid */
            batchId: string;
            receipts: components["schemas"]["BatchEntry"][];
            links: components["schemas"]["BatchLinks"];
        };
        /** @description How many entries of a batch are in each state */
        BatchCounts: {
            queued: number;
            processing: number;
            completed: number;
            needs_review: number;
            failed: number;
            /** @description Receipts purged since (no longer exist) */
            deleted: number;
            /** @description Files refused at upload (entries with an `error`) */
            refused: number;
        };
        /** @description A batch upload and the current state of its receipts */
        Batch: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Number of `file` parts (entries) */
            total: number;
            /** @description True when every receipt is completed, needs_review, failed or deleted (refused files count as done) */
            done: boolean;
            counts: components["schemas"]["BatchCounts"];
            receipts: components["schemas"]["BatchEntry"][];
            links: components["schemas"]["BatchLinks"];
        };
        /** @description A short-lived token for one receipt’s event stream */
        EventsToken: {
            /** @description Pass as `?token=` to the events URL (EventSource cannot send headers) */
            token: string;
            /** @example 300 */
            expiresIn: number;
            /** @example /v1/receipts/3f0c…/events?token=… */
            url: string;
        };
        /** @enum {string} */
        ReceiptStatus: "queued" | "processing" | "completed" | "needs_review" | "failed";
        /** @enum {string} */
        Category: "groceries" | "dining" | "fuel" | "transport" | "lodging" | "office" | "utilities" | "health" | "shopping" | "entertainment" | "other";
        StatsGroup: {
            /** @description Receipts, with or without a total */
            count: number;
            /**
             * @description Sum of totals
             * @example 1234.50
             */
            sumTotal: string | null;
            /**
             * @description Sum of tax totals
             * @example 98.10
             */
            sumTax: string | null;
            /**
             * @description Average total
             * @example 41.15
             */
            averageTotal: string | null;
            /**
             * @description Month (YYYY-MM), ISO week (YYYY-Www), merchant, category or tag; null: none
             * @example 2024-03
             */
            key: string | null;
        };
        StatsMerchant: {
            /** @description Receipts, with or without a total */
            count: number;
            /**
             * @description Sum of totals
             * @example 1234.50
             */
            sumTotal: string | null;
            /**
             * @description Sum of tax totals
             * @example 98.10
             */
            sumTax: string | null;
            /**
             * @description Average total
             * @example 41.15
             */
            averageTotal: string | null;
            merchant: string;
        };
        /** @description Everything for one currency */
        CurrencyStats: {
            /** @description Receipts, with or without a total */
            count: number;
            /**
             * @description Sum of totals
             * @example 1234.50
             */
            sumTotal: string | null;
            /**
             * @description Sum of tax totals
             * @example 98.10
             */
            sumTax: string | null;
            /**
             * @description Average total
             * @example 41.15
             */
            averageTotal: string | null;
            /**
             * @description null: not read
             * @example EUR
             */
            currency: string | null;
            /** @description At most 100, largest (or earliest) first */
            groups: components["schemas"]["StatsGroup"][];
            /** @description The five largest by sum of totals */
            topMerchants: components["schemas"]["StatsMerchant"][];
        };
        ReceiptStats: {
            /** @enum {string} */
            groupBy: "month" | "week" | "merchant" | "category" | "tag";
            /** @description One entry per currency: amounts in different currencies are never added */
            currencies: components["schemas"]["CurrencyStats"][];
        };
        LineItemDto: {
            description?: string;
            /**
             * @description Decimal string
             * @example 1
             */
            quantity?: string;
            /** @example 3.20 */
            unitPrice?: string;
            /** @example 3.20 */
            amount?: string;
        };
        PatchReceiptDto: {
            merchantName?: string | null;
            address?: string | null;
            /**
             * @description ISO 8601 date
             * @example 2024-03-15
             */
            date?: string | null;
            /**
             * @description HH:MM or HH:MM:SS
             * @example 13:45
             */
            time?: string | null;
            /**
             * @description ISO 4217 code
             * @example EUR
             */
            currency?: string | null;
            /** @example 40.00 */
            subtotal?: string | null;
            /** @example 2.50 */
            taxTotal?: string | null;
            /** @example 0.00 */
            tip?: string | null;
            /**
             * @description Positive: taken off
             * @example 0.00
             */
            discount?: string | null;
            /** @example 42.50 */
            total?: string | null;
            /** @enum {string|null} */
            paymentMethod?: "cash" | "card" | "mobile" | "other" | null;
            /** @example 4242 */
            cardLast4?: string | null;
            /** @description Replaces every line item */
            lineItems?: components["schemas"]["LineItemDto"][];
            note?: string | null;
            /** @description Replaces the tags; case-insensitive, at most 20 of 1–50 characters */
            tags?: string[];
            /**
             * @description Overrides the suggested category (source becomes "user")
             * @enum {string|null}
             */
            category?: "groceries" | "dining" | "fuel" | "transport" | "lodging" | "office" | "utilities" | "health" | "shopping" | "entertainment" | "other" | null;
        };
        /**
         * @description While processing
         * @enum {string}
         */
        ReceiptStage: "preparing" | "reading" | "extracting" | "saving";
        /** @description The key fields, also when the record is not loaded */
        ReceiptSummary: {
            merchantName: string | null;
            /**
             * @description ISO 8601 date
             * @example 2024-03-15
             */
            date: string | null;
            /**
             * @description Decimal string, never a float
             * @example 42.50
             */
            total: string | null;
            /**
             * @description ISO 4217
             * @example EUR
             */
            currency: string | null;
        };
        /** @description The category and who chose it */
        ReceiptCategory: {
            /** @enum {string|null} */
            value: "groceries" | "dining" | "fuel" | "transport" | "lodging" | "office" | "utilities" | "health" | "shopping" | "entertainment" | "other" | null;
            /**
             * @description `rule`: suggested from the merchant and items; `user`: set by you
             * @enum {string|null}
             */
            source: "rule" | "user" | null;
        };
        /** @description A rectangle on a page: image pixels (after EXIF rotation) or PDF points, origin top-left */
        SourceBox: {
            /** @example 42 */
            x0: number;
            /** @example 1710 */
            y0: number;
            /** @example 980 */
            x1: number;
            /** @example 1756 */
            y1: number;
        };
        /** @description The OCR line a value was read from */
        FieldSource: {
            /**
             * @description Index of the OCR line, 0-based over all pages
             * @example 17
             */
            line: number;
            /**
             * @description The text of that line
             * @example TOTAL  42.50
             */
            text: string;
            /**
             * @description The page of that line, 1-based
             * @example 1
             */
            page?: number;
            /** @description Where the line is on its page */
            box?: components["schemas"]["SourceBox"];
            /**
             * @description The OCR engine(s) whose reading gave the value: both when the engines agreed (or PP-OCR characters took tesseract word spacing); absent for PDF text layers
             * @example [
             *       "ppocr",
             *       "tesseract"
             *     ]
             */
            engines?: ("tesseract" | "ppocr")[];
        };
        /** @description One extracted value, how sure extraction is (0–1) and where it came from */
        ReceiptField: {
            /**
             * @description The value as text (money as a decimal string); null when not found
             * @example 42.50
             */
            value: string | null;
            /**
             * @description 1 for a correction
             * @example 0.93
             */
            confidence: number;
            source: (components["schemas"]["FieldSource"] | "user") | null;
        };
        /** @description A tax line as printed */
        TaxLine: {
            /** @example VAT 20% */
            label: string;
            /**
             * @description Percent as a decimal string, when printed
             * @example 20.00
             */
            rate?: string;
            /**
             * @description Decimal string
             * @example 7.08
             */
            amount: string;
        };
        /** @description One purchased item */
        LineItem: {
            /** @example Flat White */
            description: string;
            /**
             * @description Decimal string ("2", "0.5")
             * @example 2
             */
            quantity: string;
            /**
             * @description Decimal string
             * @example 3.20
             */
            unitPrice: string;
            /**
             * @description Decimal string: quantity × unit price
             * @example 6.40
             */
            amount: string;
            /** @example 0.88 */
            confidence: number;
            source: (components["schemas"]["FieldSource"] | "user") | null;
        };
        /** @description Whether the amounts add up */
        ArithmeticChecks: {
            /** @description Line items add up to the subtotal; null when either is missing */
            itemsMatchSubtotal: boolean | null;
            /** @description subtotal (or the items’ sum) + tax + tip − discount = total (tax possibly included in the prices); null when the total or every base is missing */
            totalsAdd: boolean | null;
            /**
             * @description Why the receipt needs a human look; empty when nothing is suspect
             * @example [
             *       "Line items add up to 12.40, the subtotal is 12.90"
             *     ]
             */
            issues: string[];
        };
        /** @description The fields extracted from a receipt; every field is { value, confidence, source }, money a decimal string */
        ReceiptRecord: {
            /**
             * @description Merchant (shop or company) name
             * @example {
             *       "value": "CORNER CAFE LTD",
             *       "confidence": 0.9,
             *       "source": null
             *     }
             */
            merchantName: components["schemas"]["ReceiptField"];
            /** @description Merchant address, lines joined by ", " */
            address: components["schemas"]["ReceiptField"];
            /** @description Merchant phone number, as printed */
            phone: components["schemas"]["ReceiptField"];
            /** @description Tax or company registration id (VAT no., GST no., SIRET …) */
            taxId: components["schemas"]["ReceiptField"];
            /** @description Receipt, invoice or transaction number */
            receiptNumber: components["schemas"]["ReceiptField"];
            /**
             * @description Purchase date, ISO 8601 (YYYY-MM-DD)
             * @example {
             *       "value": "2024-03-15",
             *       "confidence": 0.9,
             *       "source": null
             *     }
             */
            date: components["schemas"]["ReceiptField"];
            /**
             * @description Purchase time, 24-hour HH:MM or HH:MM:SS
             * @example {
             *       "value": "12:41",
             *       "confidence": 0.9,
             *       "source": null
             *     }
             */
            time: components["schemas"]["ReceiptField"];
            /**
             * @description ISO 4217 currency code
             * @example {
             *       "value": "GBP",
             *       "confidence": 0.9,
             *       "source": null
             *     }
             */
            currency: components["schemas"]["ReceiptField"];
            /** @description Subtotal before tax, tip and discount */
            subtotal: components["schemas"]["ReceiptField"];
            /** @description Total tax */
            taxTotal: components["schemas"]["ReceiptField"];
            /** @description Tax lines as printed (rate and amount) */
            taxLines: components["schemas"]["TaxLine"][];
            /** @description Tip or service charge */
            tip: components["schemas"]["ReceiptField"];
            /** @description Discount, as a positive amount taken off */
            discount: components["schemas"]["ReceiptField"];
            /**
             * @description Amount paid
             * @example {
             *       "value": "42.50",
             *       "confidence": 0.9,
             *       "source": null
             *     }
             */
            total: components["schemas"]["ReceiptField"];
            /**
             * @description How it was paid: cash, card, mobile or other
             * @example {
             *       "value": "card",
             *       "confidence": 0.9,
             *       "source": null
             *     }
             */
            paymentMethod: components["schemas"]["ReceiptField"];
            /**
             * @description Last four digits of the card, when printed
             * @example {
             *       "value": "4242",
             *       "confidence": 0.9,
             *       "source": null
             *     }
             */
            cardLast4: components["schemas"]["ReceiptField"];
            lineItems: components["schemas"]["LineItem"][];
            /** @description Whether the amounts add up; a failed check makes the receipt needs_review */
            checks: components["schemas"]["ArithmeticChecks"];
        };
        /** @enum {string} */
        FailureCode: "FILE_UNREADABLE" | "OCR_FAILED" | "EXTRACTION_FAILED" | "TIMEOUT" | "DEPENDENCY_UNAVAILABLE";
        /** @description Why processing failed */
        ReceiptError: {
            /** @example OCR_FAILED */
            code: components["schemas"]["FailureCode"];
            /** @example The text of the receipt could not be read. */
            message: string;
        };
        /** @description When each stage of the latest run started (ISO 8601) and how long it took (ms) */
        ReceiptTimings: {
            /** Format: date-time */
            queuedAt?: string;
            /** Format: date-time */
            preparingAt?: string;
            /** Format: date-time */
            readingAt?: string;
            /** Format: date-time */
            extractingAt?: string;
            /** Format: date-time */
            savingAt?: string;
            /** Format: date-time */
            finishedAt?: string;
            /**
             * @description Image preparation (decode, rotate, clean)
             * @example 180
             */
            preparingMs?: number;
            /**
             * @description OCR or reading the PDF text layer
             * @example 1450
             */
            readingMs?: number;
            /**
             * @description Parsing the text into fields
             * @example 12
             */
            extractingMs?: number;
            /** @example 25 */
            savingMs?: number;
            /**
             * @description From the start of the run to the end
             * @example 1720
             */
            totalMs?: number;
        };
        /** @description Where to read, watch and download a receipt */
        ReceiptLinks: {
            /** @example /v1/receipts/3f0c… */
            self: string;
            /**
             * @description Server-Sent Events of its progress
             * @example /v1/receipts/3f0c…/events
             */
            events: string;
            /**
             * @description The original upload
             * @example /v1/receipts/3f0c…/file
             */
            file: string;
        };
        /** @description A receipt: its processing state and, when done, the extracted record */
        Receipt: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["ReceiptStatus"];
            /** @description While processing */
            stage: components["schemas"]["ReceiptStage"] | null;
            /** @description Percent, at the last stage change */
            progress: number;
            /** @description Processing attempts so far */
            attempts: number;
            /** @description The client filename (metadata only) */
            filename: string | null;
            /**
             * @description Decided from the bytes, not the client
             * @example image/jpeg
             */
            mimeType: string;
            sizeBytes: number;
            /** @description SHA-256 of the original, hex */
            sha256: string;
            pages: number | null;
            note: string | null;
            tags: string[];
            summary: components["schemas"]["ReceiptSummary"];
            category: components["schemas"]["ReceiptCategory"];
            /** @description The weakest confidence (0–1) of merchant, date and total; review least certain first */
            confidence: number | null;
            /** @description When the record was confirmed as is */
            confirmedAt: string | null;
            /**
             * Format: uuid
             * @description Who confirmed it
             */
            confirmedBy: string | null;
            /**
             * Format: uuid
             * @description An older receipt with the same merchant, date and total (nothing is deleted)
             */
            possibleDuplicateOf: string | null;
            /** @description When it was moved to the trash */
            deletedAt: string | null;
            /** @description Changes on every write; the ETag is built from it */
            version: number;
            /** @description The extracted fields, when completed or needs_review; null before that */
            record: components["schemas"]["ReceiptRecord"] | null;
            /** @description Why the receipt needs review (arithmetic that does not add up, missing fields) */
            reviewIssues: string[];
            /** @description When failed, or the last failed attempt while retrying */
            error: components["schemas"]["ReceiptError"] | null;
            /**
             * @description What read the text: one OCR engine, both combined, the PDF's text layer, or a PDF mixing text and scanned pages
             * @enum {string|null}
             */
            engine: "tesseract" | "ppocr" | "ppocr+tesseract" | "pdf-text" | "mixed" | null;
            /** @description Per-stage timestamps (…At) and durations (…Ms) of the latest run */
            timings: components["schemas"]["ReceiptTimings"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            links: components["schemas"]["ReceiptLinks"];
        };
        ReceiptHistoryEntryDto: {
            id: string;
            /** @enum {string} */
            action: "correct" | "confirm" | "tag" | "reextract" | "trash" | "restore" | "not_duplicate";
            /** @description The field changed (merchantName, total, tags, category, note, status …) */
            field: string | null;
            /** @description The value before */
            oldValue: {
                [key: string]: unknown;
            } | null;
            /** @description The value after */
            newValue: {
                [key: string]: unknown;
            } | null;
            /**
             * Format: uuid
             * @description Who (null: an admin command)
             */
            actorId: string | null;
            /** @description When (ISO 8601) */
            at: string;
        };
        ReceiptHistoryDto: {
            /** @description Oldest first */
            items: components["schemas"]["ReceiptHistoryEntryDto"][];
        };
        /** @description An accepted upload (or the existing receipt for a duplicate) */
        ReceiptAccepted: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["ReceiptStatus"];
            /**
             * Format: uuid
             * @description Set when the same file was uploaded before: the existing receipt
             */
            duplicateOf?: string;
            links: components["schemas"]["ReceiptLinks"];
        };
        TagNameDto: {
            /**
             * @description 1–50 characters; case-insensitive
             * @example travel
             */
            name: string;
        };
        /** @description The multipart body of an upload */
        ReceiptUpload: {
            /**
             * Format: binary
             * @description JPEG, PNG, WebP, TIFF or PDF; the type is decided from the bytes. Up to MAX_UPLOAD_BYTES.
             */
            file: Blob;
            note?: string;
            /** @description Comma-separated, or the field repeated; at most 20 tags of 50 characters */
            tags?: string;
        };
        /** @description A receipt in a list, with its search snippet */
        ReceiptSearchHit: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["ReceiptStatus"];
            /** @description While processing */
            stage: components["schemas"]["ReceiptStage"] | null;
            /** @description Percent, at the last stage change */
            progress: number;
            /** @description Processing attempts so far */
            attempts: number;
            /** @description The client filename (metadata only) */
            filename: string | null;
            /**
             * @description Decided from the bytes, not the client
             * @example image/jpeg
             */
            mimeType: string;
            sizeBytes: number;
            /** @description SHA-256 of the original, hex */
            sha256: string;
            pages: number | null;
            note: string | null;
            tags: string[];
            summary: components["schemas"]["ReceiptSummary"];
            category: components["schemas"]["ReceiptCategory"];
            /** @description The weakest confidence (0–1) of merchant, date and total; review least certain first */
            confidence: number | null;
            /** @description When the record was confirmed as is */
            confirmedAt: string | null;
            /**
             * Format: uuid
             * @description Who confirmed it
             */
            confirmedBy: string | null;
            /**
             * Format: uuid
             * @description An older receipt with the same merchant, date and total (nothing is deleted)
             */
            possibleDuplicateOf: string | null;
            /** @description When it was moved to the trash */
            deletedAt: string | null;
            /** @description Changes on every write; the ETag is built from it */
            version: number;
            /** @description The extracted fields, when completed or needs_review; null before that */
            record: components["schemas"]["ReceiptRecord"] | null;
            /** @description Why the receipt needs review (arithmetic that does not add up, missing fields) */
            reviewIssues: string[];
            /** @description When failed, or the last failed attempt while retrying */
            error: components["schemas"]["ReceiptError"] | null;
            /**
             * @description What read the text: one OCR engine, both combined, the PDF's text layer, or a PDF mixing text and scanned pages
             * @enum {string|null}
             */
            engine: "tesseract" | "ppocr" | "ppocr+tesseract" | "pdf-text" | "mixed" | null;
            /** @description Per-stage timestamps (…At) and durations (…Ms) of the latest run */
            timings: components["schemas"]["ReceiptTimings"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            links: components["schemas"]["ReceiptLinks"];
            /** @description With q: a short extract with the matches between « and » (plain text, not HTML) */
            snippet: string | null;
        };
        /** @description One page of receipts */
        ReceiptPage: {
            items: components["schemas"]["ReceiptSearchHit"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
            /** @description Receipts matching the filters, over all pages: exact with `includeTotal=true` or `page`; otherwise counted up to 1,000, and then a lower bound (`totalExact: false`) */
            total: number;
            /** @description false when more receipts match than `total` says (it is then a lower bound) */
            totalExact: boolean;
            /** @description Deprecated offset paging: the page number (1 in cursor mode) */
            page: number;
            /** @description The page size (`limit`, or the deprecated `pageSize`) */
            pageSize: number;
        };
        TagResponseDto: {
            /** Format: uuid */
            id: string;
            /** @example travel */
            name: string;
            /** @description Receipts with this tag (the trash not counted) */
            count: number;
            createdAt: string;
        };
        TagListDto: {
            /** @description By name */
            items: components["schemas"]["TagResponseDto"][];
        };
        /** @description A receipt in the trash */
        TrashedReceipt: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["ReceiptStatus"];
            /** @description While processing */
            stage: components["schemas"]["ReceiptStage"] | null;
            /** @description Percent, at the last stage change */
            progress: number;
            /** @description Processing attempts so far */
            attempts: number;
            /** @description The client filename (metadata only) */
            filename: string | null;
            /**
             * @description Decided from the bytes, not the client
             * @example image/jpeg
             */
            mimeType: string;
            sizeBytes: number;
            /** @description SHA-256 of the original, hex */
            sha256: string;
            pages: number | null;
            note: string | null;
            tags: string[];
            summary: components["schemas"]["ReceiptSummary"];
            category: components["schemas"]["ReceiptCategory"];
            /** @description The weakest confidence (0–1) of merchant, date and total; review least certain first */
            confidence: number | null;
            /** @description When the record was confirmed as is */
            confirmedAt: string | null;
            /**
             * Format: uuid
             * @description Who confirmed it
             */
            confirmedBy: string | null;
            /**
             * Format: uuid
             * @description An older receipt with the same merchant, date and total (nothing is deleted)
             */
            possibleDuplicateOf: string | null;
            /** @description When it was moved to the trash */
            deletedAt: string | null;
            /** @description Changes on every write; the ETag is built from it */
            version: number;
            /** @description The extracted fields, when completed or needs_review; null before that */
            record: components["schemas"]["ReceiptRecord"] | null;
            /** @description Why the receipt needs review (arithmetic that does not add up, missing fields) */
            reviewIssues: string[];
            /** @description When failed, or the last failed attempt while retrying */
            error: components["schemas"]["ReceiptError"] | null;
            /**
             * @description What read the text: one OCR engine, both combined, the PDF's text layer, or a PDF mixing text and scanned pages
             * @enum {string|null}
             */
            engine: "tesseract" | "ppocr" | "ppocr+tesseract" | "pdf-text" | "mixed" | null;
            /** @description Per-stage timestamps (…At) and durations (…Ms) of the latest run */
            timings: components["schemas"]["ReceiptTimings"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            links: components["schemas"]["ReceiptLinks"];
            /** @description When it will be purged for good (TRASH_RETENTION_DAYS after deletedAt) */
            purgeAfter: string;
        };
        TrashPage: {
            /** @description Most recently trashed first */
            items: components["schemas"]["TrashedReceipt"][];
            /** @description Pass as `cursor` for the next page */
            nextCursor: string | null;
        };
        /** @enum {string} */
        WebhookEventType: "receipt.completed" | "receipt.needs_review" | "receipt.failed" | "receipt.corrected";
        /** @description A new webhook subscription */
        WebhookCreate: {
            /**
             * @description http(s) URL without credentials; https in production. Private, loopback and link-local addresses are refused unless the operator allows them (WEBHOOK_ALLOW_PRIVATE_HOSTS).
             * @example https://hooks.example.com/receipt-vault
             */
            url: string;
            /**
             * @example [
             *       "receipt.completed",
             *       "receipt.needs_review"
             *     ]
             */
            events: components["schemas"]["WebhookEventType"][];
            /** @example Bookkeeping sync */
            description?: string;
        };
        /** @description A new webhook with its signing secret */
        WebhookCreated: {
            /** Format: uuid */
            id: string;
            /** @example https://hooks.example.com/receipt-vault */
            url: string;
            events: components["schemas"]["WebhookEventType"][];
            description: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * @description The signing secret. Shown only now: store it to verify `webhook-signature`.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw…
             */
            secret: string;
        };
        /** @description A webhook subscription (its secret is shown only at creation) */
        Webhook: {
            /** Format: uuid */
            id: string;
            /** @example https://hooks.example.com/receipt-vault */
            url: string;
            events: components["schemas"]["WebhookEventType"][];
            description: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        /**
         * @description pending (queued), retrying (failed, another attempt at nextRetryAt), succeeded (2xx), failed (out of attempts), refused (the target address is not allowed; never retried)
         * @enum {string}
         */
        WebhookDeliveryStatus: "pending" | "retrying" | "succeeded" | "failed" | "refused";
        /** @description One event sent (or being sent) to a webhook */
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description The event id; also the `webhook-id` header
             */
            eventId: string;
            eventType: components["schemas"]["WebhookEventType"];
            /** @description pending (queued), retrying (failed, another attempt at nextRetryAt), succeeded (2xx), failed (out of attempts), refused (the target address is not allowed; never retried) */
            status: components["schemas"]["WebhookDeliveryStatus"];
            /**
             * @description Attempts made so far
             * @example 1
             */
            attempts: number;
            /**
             * @description Of the last attempt
             * @example 200
             */
            statusCode: number | null;
            /**
             * @description Of the last attempt (ms)
             * @example 84
             */
            durationMs: number | null;
            /** @example Answered 500 */
            error: string | null;
            /** @description The receiver’s answer, first 1 KB */
            responseBody: string | null;
            /** Format: date-time */
            nextRetryAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** @description The body sent: `{ id, type, timestamp, data: { receipt: { id, status, summary, reviewIssues, error, links } } }` */
            payload: {
                [key: string]: unknown;
            };
        };
        /**
         * @description What the key may do: `receipts:read` (list, search, read, download, watch events, batches, stats, tags, trash), `receipts:write` (upload and batch upload, correct, confirm, tag, delete, restore, reprocess), `exports` (CSV and ZIP exports), `webhooks` (manage webhooks). Scopes are independent: write does not include read.
         * @enum {string}
         */
        ApiKeyScope: "receipts:read" | "receipts:write" | "exports" | "webhooks";
        /** @description A new API key */
        ApiKeyCreate: {
            /** @example Bookkeeping sync */
            name: string;
            /**
             * @description What the key may do: `receipts:read` (list, search, read, download, watch events, batches, stats, tags, trash), `receipts:write` (upload and batch upload, correct, confirm, tag, delete, restore, reprocess), `exports` (CSV and ZIP exports), `webhooks` (manage webhooks). Scopes are independent: write does not include read.
             * @example [
             *       "receipts:read",
             *       "exports"
             *     ]
             */
            scopes: components["schemas"]["ApiKeyScope"][];
            /**
             * Format: date-time
             * @description When the key stops working (in the future, at most 10 years away); omit for never
             * @example 2027-01-01T00:00:00Z
             */
            expiresAt?: string;
        };
        /** @description A new API key with the key itself */
        ApiKeyCreated: {
            /** Format: uuid */
            id: string;
            /** @example Bookkeeping sync */
            name: string;
            /**
             * @description The first characters of the key
             * @example rv_Xq3v9KpA
             */
            prefix: string;
            scopes: components["schemas"]["ApiKeyScope"][];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Last request made with the key (to within a minute)
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /**
             * @description The key. Shown only now (only its hash is stored): send it as `X-API-Key` or `Authorization: Bearer`.
             * @example rv_Xq3v9KpAbLw0c2H7mZr1sT8uYe4dNf6gJk5hQx9iVo0
             */
            key: string;
        };
        /** @description An API key (the key itself is shown only at creation) */
        ApiKey: {
            /** Format: uuid */
            id: string;
            /** @example Bookkeeping sync */
            name: string;
            /**
             * @description The first characters of the key
             * @example rv_Xq3v9KpA
             */
            prefix: string;
            scopes: components["schemas"]["ApiKeyScope"][];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description Last request made with the key (to within a minute)
             */
            lastUsedAt: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All checks up, with per-check detail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DEPENDENCY_UNAVAILABLE; `details` lists every check with its status */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION_FAILED, with field details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description INVALID_CREDENTIALS (same for unknown email and wrong password) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION_FAILED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            /** @description INVALID_CREDENTIALS (same for unknown email and wrong password) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION_FAILED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMITED, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SessionController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessToken"];
                };
            };
            /** @description INVALID_REFRESH_TOKEN (also when there is no cookie) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description UNAUTHORIZED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AccountDataController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MeSessionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"][];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MeSessionsController_signOutOthers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedOutSessions"];
                };
            };
            /** @description DEPENDENCY_UNAVAILABLE: could not be ended everywhere yet; retry (idempotent) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    MeSessionsController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SESSION_NOT_FOUND: no such live session of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description DEPENDENCY_UNAVAILABLE: could not be ended everywhere yet; retry (idempotent) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminQueuesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueSummary"][];
                };
            };
            /** @description FORBIDDEN: the caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminQueuesController_pause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueActionResult"];
                };
            };
            /** @description FORBIDDEN: the caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description QUEUE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminQueuesController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueActionResult"];
                };
            };
            /** @description FORBIDDEN: the caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description QUEUE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminQueuesController_retryFailed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueActionResult"];
                };
            };
            /** @description FORBIDDEN: the caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description QUEUE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminQueuesController_cleanCompleted: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueActionResult"];
                };
            };
            /** @description FORBIDDEN: the caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description QUEUE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminQueuesController_jobs: {
        parameters: {
            query?: {
                state?: "waiting" | "active" | "delayed" | "failed" | "completed" | "paused";
                /** @description One queue; every queue when absent */
                queue?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminJob"][];
                };
            };
            /** @description FORBIDDEN: the caller is not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description QUEUE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BatchesController_upload: {
        parameters: {
            query?: never;
            header?: {
                /** @description As on POST /v1/receipts: the same key and files within 24 h answer with the first response (same batch, header `Idempotent-Replayed: true`) and create nothing; other files are 422 IDEMPOTENCY_KEY_REUSED. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["ReceiptBatchUpload"];
            };
        };
        responses: {
            /** @description The batch was taken; `Location` points at it */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchAccepted"];
                };
            };
            /** @description IDEMPOTENCY_REQUEST_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description BATCH_TOO_MANY_FILES; nothing was kept */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: not multipart */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description BATCH_EMPTY (no `file` part), VALIDATION_FAILED (note, tags, unknown fields), IDEMPOTENCY_KEY_INVALID, IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description DEPENDENCY_UNAVAILABLE, with Retry-After; receipts of this batch are undone */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BatchesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Batch"];
                };
            };
            /** @description BATCH_NOT_FOUND (also for other users’ batches) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BatchesController_eventsToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsToken"];
                };
            };
            /** @description BATCH_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    BatchesController_events: {
        parameters: {
            query?: {
                /** @description Batch-scoped events token */
                token?: unknown;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description BATCH_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptStatsController_stats: {
        parameters: {
            query?: {
                status?: components["schemas"]["ReceiptStatus"];
                /** @description Up to 200 characters. Full-text search over merchant, address, OCR text, line items, note, tags and filename; every word must match (as a prefix). Results are ranked by relevance unless another sort is asked for. */
                q?: string;
                /** @description Receipt date on or after (ISO 8601) */
                from?: string;
                /** @description Receipt date on or before */
                to?: string;
                /** @description Total at least (decimal string) */
                minTotal?: string;
                /** @description Total at most */
                maxTotal?: string;
                /** @description ISO 4217 code */
                currency?: string;
                /** @description Merchant name, case-insensitive, exact */
                merchant?: string;
                /** @description Repeatable (`tag=a&tag=b`): receipts carrying every one of these tags */
                tag?: string[];
                category?: components["schemas"]["Category"];
                /** @description Only receipts whose checks found issues (or none: false) */
                hasIssues?: boolean;
                /** @description Only possible duplicates (or none: false) */
                duplicates?: boolean;
                /** @description month and week by receipt date (ISO weeks); tag counts a receipt once per tag */
                groupBy?: "month" | "week" | "merchant" | "category" | "tag";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptStats"];
                };
            };
            /** @description VALIDATION_FAILED: a bad filter, from after to, minTotal above maxTotal */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Send it as If-Match with PATCH */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description RECEIPT_NOT_FOUND (also for other users’ receipts) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptsController_delete: {
        parameters: {
            query?: {
                /** @description Delete now (row, file, cache, search entry) instead of moving to the trash */
                permanent?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RECEIPT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION_FAILED: permanent is not true or false */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptCorrectionsController_patch: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag from GET */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["PatchReceiptDto"];
                "application/json": components["schemas"]["PatchReceiptDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The new ETag */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description RECEIPT_NOT_FOUND (also for other users’ receipts and receipts in the trash) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RECEIPT_BUSY: still queued or processing */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PRECONDITION_FAILED: the ETag is not current */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION_FAILED: unknown field, wrong type, bad date or time, negative or over-precise amount (more decimals than the currency allows), unknown currency or category */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PRECONDITION_REQUIRED: If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptCorrectionsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptHistoryDto"];
                };
            };
            /** @description RECEIPT_NOT_FOUND (also for other users’ receipts) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptCorrectionsController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The new ETag */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description RECEIPT_NOT_FOUND (also for other users’ receipts and receipts in the trash) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RECEIPT_BUSY (still processing), RECEIPT_NOT_EXTRACTED (no record) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptCorrectionsController_reextract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptAccepted"];
                };
            };
            /** @description RECEIPT_NOT_FOUND (also for other users’ receipts and receipts in the trash) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RECEIPT_BUSY (still processing), RECEIPT_NOT_EXTRACTED (no OCR text kept) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description DEPENDENCY_UNAVAILABLE (queue), with Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptCorrectionsController_notDuplicate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The new ETag */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description RECEIPT_NOT_FOUND (also for other users’ receipts and receipts in the trash) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptCorrectionsController_addTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagNameDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The new ETag */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description RECEIPT_NOT_FOUND (also for other users’ receipts and receipts in the trash) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION_FAILED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptCorrectionsController_removeTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The new ETag */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description RECEIPT_NOT_FOUND (also for other users’ receipts and receipts in the trash); TAG_NOT_FOUND: the receipt has no such tag */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptsController_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["ReceiptStatus"];
                /** @description Up to 200 characters. Full-text search over merchant, address, OCR text, line items, note, tags and filename; every word must match (as a prefix). Results are ranked by relevance unless another sort is asked for. */
                q?: string;
                /** @description Receipt date on or after (ISO 8601) */
                from?: string;
                /** @description Receipt date on or before */
                to?: string;
                /** @description Total at least (decimal string) */
                minTotal?: string;
                /** @description Total at most */
                maxTotal?: string;
                /** @description ISO 4217 code */
                currency?: string;
                /** @description Merchant name, case-insensitive, exact */
                merchant?: string;
                /** @description Repeatable (`tag=a&tag=b`): receipts carrying every one of these tags */
                tag?: string[];
                category?: components["schemas"]["Category"];
                /** @description Only receipts whose checks found issues (or none: false) */
                hasIssues?: boolean;
                /** @description Only possible duplicates (or none: false) */
                duplicates?: boolean;
                /** @description Default: `relevance` with `q`, else `created`. `relevance` ranks the newest 1,000 matches when more match. `date` and `total` put receipts without one last (descending); `confidence` ascending is the review queue (least certain first). */
                sort?: "date" | "total" | "created" | "merchant" | "confidence" | "relevance";
                /** @description Default: asc for merchant and confidence, desc otherwise */
                order?: "asc" | "desc";
                /** @description `nextCursor` of the previous page: pages stay correct while new receipts arrive. Only valid with the same filters and sort. */
                cursor?: string;
                /** @description Page size */
                limit?: number;
                /** @description true: `total` counts every match exactly (`totalExact: true`), at the cost of a count over all of them on every page (hundreds of milliseconds at 100,000 receipts). Otherwise matches are counted up to 1,000 and `totalExact` is false when there are more. The deprecated page form always counts exactly. */
                includeTotal?: boolean;
                /**
                 * @deprecated
                 * @description Deprecated: offset paging (slow deep down, shifts as receipts arrive). Use cursor.
                 */
                page?: number;
                /**
                 * @deprecated
                 * @description Deprecated: the page size of offset paging; same as limit.
                 */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptPage"];
                };
            };
            /** @description INVALID_CURSOR: altered, or from other filters or sort */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION_FAILED: a bad filter or sort, q over 200 characters or without a letter or digit, from after to, minTotal above maxTotal, sort=relevance without q, cursor together with page, includeTotal not true or false */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptsController_upload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Up to 255 printable ASCII characters (a UUID is ideal). The same key and file within 24 h answer with the first response (same id and status, header `Idempotent-Replayed: true`) and create nothing; the same key with another file is 422 IDEMPOTENCY_KEY_REUSED. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["ReceiptUpload"];
            };
        };
        responses: {
            /** @description Duplicate of an earlier upload */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptAccepted"];
                };
            };
            /** @description Queued; `Location` points at the receipt */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptAccepted"];
                };
            };
            /** @description IDEMPOTENCY_REQUEST_IN_PROGRESS: the first request with this key is still running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description FILE_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE (decided from the bytes) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EMPTY_FILE, FILE_MISSING, IMAGE_TOO_LARGE, TOO_MANY_PAGES, PDF_ENCRYPTED, FILE_UNREADABLE, VALIDATION_FAILED, IDEMPOTENCY_KEY_INVALID, IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description DEPENDENCY_UNAVAILABLE, with Retry-After; nothing is kept */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptsController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The original bytes, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RECEIPT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptsController_reprocess: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptAccepted"];
                };
            };
            /** @description RECEIPT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RECEIPT_BUSY: still queued or processing */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptsController_eventsToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsToken"];
                };
            };
            /** @description RECEIPT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptsController_events: {
        parameters: {
            query?: {
                /** @description Receipt-scoped events token */
                token?: unknown;
            };
            header: {
                "last-event-id": string;
                "Last-Event-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RECEIPT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TagsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagListDto"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TagsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tagId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TAG_NOT_FOUND (also for other users’ tags) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TagsController_rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tagId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagNameDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagResponseDto"];
                };
            };
            /** @description TAG_NOT_FOUND (also for other users’ tags) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TAG_EXISTS: another of your tags has that name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION_FAILED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TrashController_list: {
        parameters: {
            query?: {
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrashPage"];
                };
            };
            /** @description INVALID_CURSOR */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TrashController_restore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description RECEIPT_NOT_FOUND: not in your trash */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExportsController_receipts: {
        parameters: {
            query?: {
                status?: components["schemas"]["ReceiptStatus"];
                /** @description Up to 200 characters. Full-text search over merchant, address, OCR text, line items, note, tags and filename; every word must match (as a prefix). Results are ranked by relevance unless another sort is asked for. */
                q?: string;
                /** @description Receipt date on or after (ISO 8601) */
                from?: string;
                /** @description Receipt date on or before */
                to?: string;
                /** @description Total at least (decimal string) */
                minTotal?: string;
                /** @description Total at most */
                maxTotal?: string;
                /** @description ISO 4217 code */
                currency?: string;
                /** @description Merchant name, case-insensitive, exact */
                merchant?: string;
                /** @description Repeatable (`tag=a&tag=b`): receipts carrying every one of these tags */
                tag?: string[];
                category?: components["schemas"]["Category"];
                /** @description Only receipts whose checks found issues (or none: false) */
                hasIssues?: boolean;
                /** @description Only possible duplicates (or none: false) */
                duplicates?: boolean;
                /** @description Start the CSV with a UTF-8 byte order mark, so Excel reads accents right */
                bom?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: a bad filter, from after to, minTotal above maxTotal */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExportsController_lineItems: {
        parameters: {
            query?: {
                status?: components["schemas"]["ReceiptStatus"];
                /** @description Up to 200 characters. Full-text search over merchant, address, OCR text, line items, note, tags and filename; every word must match (as a prefix). Results are ranked by relevance unless another sort is asked for. */
                q?: string;
                /** @description Receipt date on or after (ISO 8601) */
                from?: string;
                /** @description Receipt date on or before */
                to?: string;
                /** @description Total at least (decimal string) */
                minTotal?: string;
                /** @description Total at most */
                maxTotal?: string;
                /** @description ISO 4217 code */
                currency?: string;
                /** @description Merchant name, case-insensitive, exact */
                merchant?: string;
                /** @description Repeatable (`tag=a&tag=b`): receipts carrying every one of these tags */
                tag?: string[];
                category?: components["schemas"]["Category"];
                /** @description Only receipts whose checks found issues (or none: false) */
                hasIssues?: boolean;
                /** @description Only possible duplicates (or none: false) */
                duplicates?: boolean;
                /** @description Start the CSV with a UTF-8 byte order mark, so Excel reads accents right */
                bom?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/csv attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: a bad filter, from after to, minTotal above maxTotal */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ExportsController_zip: {
        parameters: {
            query?: {
                status?: components["schemas"]["ReceiptStatus"];
                /** @description Up to 200 characters. Full-text search over merchant, address, OCR text, line items, note, tags and filename; every word must match (as a prefix). Results are ranked by relevance unless another sort is asked for. */
                q?: string;
                /** @description Receipt date on or after (ISO 8601) */
                from?: string;
                /** @description Receipt date on or before */
                to?: string;
                /** @description Total at least (decimal string) */
                minTotal?: string;
                /** @description Total at most */
                maxTotal?: string;
                /** @description ISO 4217 code */
                currency?: string;
                /** @description Merchant name, case-insensitive, exact */
                merchant?: string;
                /** @description Repeatable (`tag=a&tag=b`): receipts carrying every one of these tags */
                tag?: string[];
                category?: components["schemas"]["Category"];
                /** @description Only receipts whose checks found issues (or none: false) */
                hasIssues?: boolean;
                /** @description Only possible duplicates (or none: false) */
                duplicates?: boolean;
                /** @description Start the CSV with a UTF-8 byte order mark, so Excel reads accents right */
                bom?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description application/zip attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: a bad filter, from after to, minTotal above maxTotal */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"][];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreated"];
                };
            };
            /** @description WEBHOOK_LIMIT_REACHED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description WEBHOOK_URL_INVALID (not http(s), too long, credentials, http in production), WEBHOOK_URL_REFUSED (private, loopback, link-local or metadata address), VALIDATION_FAILED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description WEBHOOK_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description WEBHOOK_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"][];
                };
            };
            /** @description WEBHOOK_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WebhooksController_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description WEBHOOK_NOT_FOUND, WEBHOOK_DELIVERY_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"][];
                };
            };
            /** @description SESSION_REQUIRED: API keys cannot manage API keys */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            /** @description SESSION_REQUIRED: API keys cannot manage API keys */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description API_KEY_LIMIT_REACHED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description VALIDATION_FAILED: blank or long name, no or unknown scopes, expiresAt not ISO 8601 or not in the future */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SESSION_REQUIRED: API keys cannot manage API keys */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description API_KEY_NOT_FOUND (also for other users’ keys) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AccountDataController_export: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description application/json attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: `{ statusCode, code, message, requestId, details? }` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
