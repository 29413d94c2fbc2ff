package dev.rapport.api.customer;

/** How a communication with a customer took place. */
public enum InteractionMethod { PHONE, VISIT, EMAIL, CHAT, MEETING, VIDEO_CALL, OTHER }
