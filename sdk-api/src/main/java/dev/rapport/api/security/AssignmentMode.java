package dev.rapport.api.security;

/**
 * How a department hands out new tickets (SPEC §4): not at all (a supervisor or agent picks them from the queue), in
 * turn among its front-line agents, or to the agent with the least open work, weighted by priority.
 */
public enum AssignmentMode { MANUAL, ROUND_ROBIN, LEAST_LOADED }
