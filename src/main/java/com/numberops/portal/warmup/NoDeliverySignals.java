package com.numberops.portal.warmup;

import java.util.OptionalInt;

/**
 * Live mode today: the carriers' APIs the portal uses (seeds 000–004) report no per-number
 * delivery statistics, so there is no signal. Warming numbers then advance on schedule to Ready /
 * Warmed, their health score stays unknown, and only people (pause) or eligibility (blocked) stop
 * them. A real source (carrier delivery receipts, CDRs) plugs in as another {@link DeliverySignals}.
 */
public final class NoDeliverySignals implements DeliverySignals {

	@Override
	public OptionalInt rate(Channel channel, String number, boolean sandbox, int day) {
		return OptionalInt.empty();
	}
}
