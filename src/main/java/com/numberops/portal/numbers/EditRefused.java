package com.numberops.portal.numbers;

import java.util.List;
import java.util.stream.Collectors;

/** An edit that breaks a rule: nothing was changed, nothing sent. Its problems name their form fields. */
public class EditRefused extends RuntimeException {

	private final List<FieldProblem> problems;

	public EditRefused(List<FieldProblem> problems) {
		super(problems.stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
		this.problems = List.copyOf(problems);
	}

	public EditRefused(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}
}
