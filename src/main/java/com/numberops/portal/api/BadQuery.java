package com.numberops.portal.api;

import java.util.List;
import java.util.stream.Collectors;

import com.numberops.portal.numbers.FieldProblem;

/** Query parameters that cannot be read (unknown ones, a malformed filter, page size or token): a 400. */
public class BadQuery extends RuntimeException {

	private final List<FieldProblem> problems;

	public BadQuery(List<FieldProblem> problems) {
		super(problems.stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}
}
