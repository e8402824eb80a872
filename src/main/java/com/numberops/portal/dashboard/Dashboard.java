package com.numberops.portal.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.numberops.portal.numbers.CampaignLoad;
import com.numberops.portal.numbers.Fleet;
import com.numberops.portal.numbers.FleetCounts;
import com.numberops.portal.numbers.Viewer;
import com.numberops.portal.users.PortalPrincipal;

/**
 * What the dashboard shows, in the parts the page refreshes on its own: the fleet now (with the
 * 10DLC campaigns' load), what needs attention today, and the trends of the last days. Every part
 * is the viewer's teams only; each read is of maintained figures, never a scan of the mirror.
 */
@Service
public class Dashboard {

	/** The trend charts' span. */
	public static final int TREND_DAYS = 30;

	/** The fullest 10DLC campaigns shown; the rest are a click away on the Numbers page. */
	static final int CAMPAIGNS_SHOWN = 10;

	private final FleetCounts counts;

	private final NeedsAttention attention;

	private final Trends trends;

	private final Clock clock;

	Dashboard(FleetCounts counts, NeedsAttention attention, Trends trends, Clock clock) {
		this.counts = counts;
		this.attention = attention;
		this.trends = trends;
		this.clock = clock;
	}

	/** The fleet by state, status, account, team and warmup, and the fullest 10DLC campaigns. */
	public record FleetPart(Fleet fleet, List<CampaignLoad> campaigns, int campaignLimit, Instant at) {
	}

	public record TrendsPart(List<DailyFigures> days, Instant at) {
	}

	@Transactional(readOnly = true)
	public FleetPart fleet(PortalPrincipal user) {
		Viewer viewer = Viewer.of(user);
		return new FleetPart(counts.fleet(viewer), counts.campaignLoads(viewer, CAMPAIGNS_SHOWN), counts.campaignLimit(), clock.instant());
	}

	@Transactional(readOnly = true)
	public Worklist attention(PortalPrincipal user) {
		return attention.today(user);
	}

	@Transactional(readOnly = true)
	public TrendsPart trends(PortalPrincipal user) {
		return new TrendsPart(trends.lastDays(Viewer.of(user), TREND_DAYS), clock.instant());
	}
}
