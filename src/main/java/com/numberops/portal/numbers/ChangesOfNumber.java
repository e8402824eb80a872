package com.numberops.portal.numbers;

import java.util.List;

/**
 * A port: the changes module keeps a number's changes bound for the carrier (its outbox), and a
 * number's page lists them. The changes module implements it; numbers never reads its tables.
 */
public interface ChangesOfNumber {

	/** Every open change of the number, then the latest settled ones, up to {@code shown} in all. */
	List<PendingChange> latest(long numberId, int shown);
}
