/**
 * Satisfaction surveys (SPEC §6): one per closed ticket, issued through the configured
 * {@link dev.rapport.api.spi.survey.SurveyProvider}, answered once before it expires.
 */
package dev.rapport.api.survey;
