package dev.rapport.api.customer;

/** How the customer first came to us; REFERRAL feeds the referral-share KPI. */
public enum CustomerSource { WALK_IN, PHONE, WEB, EMAIL, REFERRAL, CAMPAIGN, EXHIBITION, OTHER }
