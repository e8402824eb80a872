package com.numberops.portal.users;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The zone each person reads times in: their own setting ("My settings"), UTC until they choose.
 * Only named zones (Europe/Berlin, America/New_York, UTC) are offered and accepted, so a time reads
 * with the zone's own abbreviation and follows its daylight saving; a fixed offset would not.
 */
@Service
public class TimeZones {

	/** Every zone a person may choose, sorted; UTC first. */
	public static final List<String> CHOICES;

	static {
		Set<String> named = new TreeSet<>();
		for (String id : ZoneId.getAvailableZoneIds()) {
			// region ids only: "Etc/GMT+5" means UTC-5, "SystemV/..." and bare abbreviations mislead
			if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
				named.add(id);
			}
		}
		CHOICES = Stream.concat(Stream.of("UTC"), named.stream()).toList();
	}

	private static final Set<String> ALLOWED = Set.copyOf(CHOICES);

	private final JdbcClient jdbc;

	private final Users users;

	private final Clock clock;

	TimeZones(JdbcClient jdbc, Users users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/** Why this text is not a zone a person may choose, if it is not. */
	public static Optional<String> problemWith(String zone) {
		return ALLOWED.contains(zone) ? Optional.empty()
				: Optional.of("Choose a time zone from the list, such as Europe/Berlin or UTC.");
	}

	/**
	 * How long a person's zone is believed without asking the table again. Every page asked, once a
	 * request, and the query in its own read-only transaction was a tenth of the Numbers fragment's
	 * server time (page load benchmark). A change made on this instance is seen at once; one made on
	 * another instance within this time.
	 */
	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private record Known(ZoneId zone, long readAtNanos) {
	}

	private final Map<Long, Known> known = new ConcurrentHashMap<>();

	/**
	 * The person's zone; UTC for an unknown person or a zone that no longer exists in this Java.
	 * No transaction: one statement, and it is asked for on every page.
	 */
	public ZoneId of(long userId) {
		Known cached = known.get(userId);
		if (cached != null && System.nanoTime() - cached.readAtNanos() < FRESH_FOR.toNanos()) {
			return cached.zone();
		}
		Optional<String> stored = jdbc.sql("select time_zone from users where id = ?").param(userId)
			.query(String.class)
			.optional();
		ZoneId zone = stored.filter(ALLOWED::contains).<ZoneId>map(ZoneId::of).orElse(ZoneOffset.UTC);
		known.put(userId, new Known(zone, System.nanoTime()));
		return zone;
	}

	/** A person changes their own zone; nobody changes another's. */
	@Transactional
	public ZoneId change(PortalPrincipal person, String zone) {
		problemWith(zone).ifPresent(problem -> {
			throw new UserChangeRefused("timeZone", problem);
		});
		PortalUser user = users.findById(person.getUserId())
			.orElseThrow(() -> new AccessDeniedException("Only a signed-in person changes their settings."));
		user.changeTimeZone(ZoneId.of(zone), clock.instant());
		users.save(user);
		known.remove(person.getUserId());
		return ZoneId.of(zone);
	}
}
