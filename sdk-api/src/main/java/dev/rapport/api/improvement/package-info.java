/**
 * Service-quality improvements (SPEC §6): corrective actions for recurring problems, their verification by the
 * affected customers, and the suggestions raised when tickets of one type and tag recur.
 */
package dev.rapport.api.improvement;
