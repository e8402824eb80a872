package com.numberops.portal.numbers;

/** Why an edit cannot be made, next to the form field it is about ("" for the whole form). */
public record FieldProblem(String field, String message) {
}
