/**
 * The survey SPI (SPEC §6, §8): plugins that invite a customer to rate a closed ticket, such as a single-use link to a
 * form the reference server hosts. The answers come back through the SDK, which checks the invitation they name.
 */
package dev.rapport.api.spi.survey;
