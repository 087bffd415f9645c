package dev.warden.budget;

/** A line's settled spend in its window and the amount held by live reservations, in micro-dollars. */
public record LineState(long spent, long reserved) {}
