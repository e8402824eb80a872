package com.numberops.portal.alerts;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.users.PortalPrincipal;

/**
 * The bell: the alerts of a person's teams (every alert for someone not limited to teams; the
 * fleet's, such as syncs, for everyone) whose rule delivers in the portal, and how many they have
 * not seen. Opening the list marks them seen.
 */
@Service
public class AlertInbox {

	/** How many alerts the bell's list shows. */
	public static final int SHOWN = 50;

	private final AlertStore store;

	AlertInbox(AlertStore store) {
		this.store = store;
	}

	@Transactional(readOnly = true)
	public long unread(PortalPrincipal person) {
		return store.unread(person.getUserId(), person.getTeamIds());
	}

	/** The newest alerts for this person, and the id they had seen up to before this look. */
	public record Seen(List<Alert> alerts, long seenBefore) {

		public boolean unread(Alert alert) {
			return alert.id() > seenBefore;
		}
	}

	/** The person's alerts, the newest first; they count as seen from now on. */
	@Transactional
	public Seen open(PortalPrincipal person) {
		List<Alert> alerts = store.inbox(person.getTeamIds(), SHOWN);
		long before = store.seen(person.getUserId());
		if (!alerts.isEmpty()) {
			store.markSeen(person.getUserId(), alerts.get(0).id());
		}
		return new Seen(alerts, before);
	}
}
