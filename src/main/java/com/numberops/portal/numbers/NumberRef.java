package com.numberops.portal.numbers;

import org.jspecify.annotations.Nullable;

/**
 * The number a verb of {@link PhoneNumbers} acts on, and the version its caller based the change
 * on: when given, the verb refuses with {@link NumberChanged} if the record moved on meanwhile.
 * Without one (a job acting on the carrier's answer) the verb applies to the record as it is.
 */
public record NumberRef(long id, @Nullable Long version) {

	public static NumberRef of(long id) {
		return new NumberRef(id, null);
	}

	public static NumberRef at(long id, long version) {
		return new NumberRef(id, version);
	}
}
