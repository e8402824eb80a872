package com.numberops.portal.warmup;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.zip.CRC32;

/**
 * Made-up but deterministic signals for sandbox numbers: the same number on the same day always
 * reads the same. About one number in eight is "troubled" per channel: from its third ramp day on
 * its rate stays between 55 and 74 %, below the default attention threshold (80), so its warmup
 * ends in Needs Attention. The others read 91–99 % every day.
 */
public final class SandboxDeliverySignals implements DeliverySignals {

	/** The troubled ones start failing on this ramp day (0-based). */
	public static final int TROUBLE_FROM_DAY = 2;

	@Override
	public OptionalInt rate(Channel channel, long numberId, String number, boolean sandbox, int day, LocalDate today) {
		long noise = hash(channel.name() + "|" + number + "|" + day);
		if (troubled(channel, number) && day >= TROUBLE_FROM_DAY) {
			return OptionalInt.of(55 + (int) (noise % 20));
		}
		return OptionalInt.of(91 + (int) (noise % 9));
	}

	/** Whether this number's signals for the channel go bad (one in eight, by its digits). */
	public static boolean troubled(Channel channel, String number) {
		return hash(channel.name() + "|" + number) % 8 == 0;
	}

	private static long hash(String text) {
		CRC32 crc = new CRC32();
		crc.update(text.getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}
}
