package dev.rapport.api.customer;

/** Whether a customer is one person or an organisation with several contacts. */
public enum CustomerKind { PERSON, ORGANIZATION }
