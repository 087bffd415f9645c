package dev.warden.budget;

/** A line's settled spend in its window and the amount held by live reservations, in the line's unit. */
public record LineState(long spent, long reserved) {}
