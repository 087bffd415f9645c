package dev.warden.budget;

/** What a spend report groups by. */
public enum SpendDimension { KEY, USER, TEAM, ORG, MODEL, DAY }
