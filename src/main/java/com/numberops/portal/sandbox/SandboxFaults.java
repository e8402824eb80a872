package com.numberops.portal.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

/**
 * The faults switched on right now, per API and endpoint ("*" for every endpoint of an API).
 * Kept in memory on purpose: a restart gives a healthy sandbox. Tests and the admin Providers page
 * switch them at run time.
 */
@Component
public class SandboxFaults {

	public static final String EVERY_ENDPOINT = "*";

	public record Key(SandboxApi api, String endpoint) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int byApi = api.compareTo(other.api);
			return byApi != 0 ? byApi : endpoint.compareTo(other.endpoint);
		}
	}

	private final Map<Key, Fault> faults = new ConcurrentHashMap<>();

	private final RandomGenerator random = RandomGenerator.getDefault();

	public void set(SandboxApi api, String endpoint, Fault fault) {
		Key key = new Key(api, endpoint);
		if (fault.none()) {
			faults.remove(key);
		}
		else {
			faults.put(key, fault);
		}
	}

	public void setAll(SandboxApi api, Fault fault) {
		set(api, EVERY_ENDPOINT, fault);
	}

	public void clear(SandboxApi api) {
		faults.keySet().removeIf(key -> key.api() == api);
	}

	public void clearAll() {
		faults.clear();
	}

	/** The fault of one endpoint: its own setting, else the API-wide one, else none. */
	public Fault of(SandboxApi api, String endpoint) {
		return Optional.ofNullable(faults.get(new Key(api, endpoint)))
			.or(() -> Optional.ofNullable(faults.get(new Key(api, EVERY_ENDPOINT))))
			.orElse(Fault.NONE);
	}

	/** Whether some endpoint may lose its answers now: only then are sandbox answers held back to be dropped. */
	public boolean losesAnswers() {
		return faults.values().stream().anyMatch(fault -> fault.lostAnswerRate() > 0);
	}

	public Map<Key, Fault> active() {
		return new TreeMap<>(faults);
	}

	/** True with the given probability. */
	public boolean roll(double rate) {
		return rate > 0 && (rate >= 1 || random.nextDouble() < rate);
	}
}
