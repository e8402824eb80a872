package com.numberops.portal.numbers;

import org.jspecify.annotations.Nullable;

/**
 * The portal's own capabilities of a number, which no carrier reports. Warmup is for the numbers
 * that build a sending or calling reputation: local and mobile numbers with SMS or voice.
 * Toll-free numbers are verified with the carriers instead, so they are not warmed. Decided once,
 * when a number is first mirrored (V9 applied the same rule to the numbers mirrored before); the
 * sync never changes it afterwards.
 */
public final class NumberCapabilities {

	private NumberCapabilities() {
	}

	public static boolean warmupCapable(@Nullable String numberType, boolean sms, boolean voice) {
		return (sms || voice) && !"TOLL_FREE".equals(numberType);
	}
}
