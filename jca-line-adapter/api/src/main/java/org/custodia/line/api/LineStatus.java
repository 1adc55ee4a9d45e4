package org.custodia.line.api;

/**
 * A line's state as read from the line.
 *
 * @param lineId the line
 * @param state running, stopped or in fault
 * @param unitsPerMinute the speed set
 * @param lastSequence the sequence number of the line's latest message
 */
public record LineStatus(String lineId, LineState state, int unitsPerMinute, long lastSequence) {}
