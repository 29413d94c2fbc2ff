/**
 * In-app notices: each user's own list of what happened to the tickets they filed or work (resolved, reopened, SLA
 * breached), read and marked read through {@link dev.rapport.api.notice.Notices}.
 */
package dev.rapport.api.notice;
