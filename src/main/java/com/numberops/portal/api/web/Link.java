package com.numberops.portal.api.web;

/** A link in an answer: where, and what it leads to when the name alone does not say. */
record Link(String href) {
}
