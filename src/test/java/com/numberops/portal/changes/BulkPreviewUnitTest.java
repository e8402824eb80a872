package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BulkPreviewUnitTest {

	static BulkEdits.Preview preview(int numbers) {
		List<BulkEdits.Item> items = IntStream.range(0, numbers)
			.mapToObj(i -> new BulkEdits.Item(i, "+1206555" + (1000 + i), "Flowroute", "off", "on",
					i % 3 == 0 ? "Nothing to change: it is already \"on\"." : null))
			.toList();
		return new BulkEdits.Preview(new Edit.CnamLookups(true), items);
	}

	@Test
	void aLargeDryRunListsTheFirstNumbersAndCountsThemAll() {
		BulkEdits.Preview large = preview(BulkEdits.Preview.LISTED + 120);
		assertThat(large.listed()).hasSize(BulkEdits.Preview.LISTED);
		assertThat(large.unlisted()).isEqualTo(120);
		assertThat(large.changing().size() + large.skipped().size()).isEqualTo(BulkEdits.Preview.LISTED + 120);
		assertThat(large.skippedByReason()).containsEntry("Nothing to change: it is already \"on\".",
				(long) large.skipped().size());
	}

	@Test
	void aSmallDryRunListsEveryNumber() {
		BulkEdits.Preview small = preview(25);
		assertThat(small.listed()).hasSize(25);
		assertThat(small.unlisted()).isZero();
	}
}
