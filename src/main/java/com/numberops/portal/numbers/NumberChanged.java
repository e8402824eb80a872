package com.numberops.portal.numbers;

import org.springframework.dao.OptimisticLockingFailureException;

/** A verb was based on a version of the number that is no longer current (or the number is gone). */
public class NumberChanged extends OptimisticLockingFailureException {

	public NumberChanged(NumberRef ref) {
		super("Number " + ref.id() + " changed while this was being done (it is no longer at version " + ref.version()
				+ "). Nothing was changed; look at it again and repeat if it should still happen.");
	}
}
