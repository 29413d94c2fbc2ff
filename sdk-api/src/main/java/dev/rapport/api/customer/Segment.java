package dev.rapport.api.customer;

/** Commercial segment of a customer. */
public enum Segment { NEW, RETURNING, HIGH_VALUE }
