package com.numberops.portal.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/**
 * The last requests the sandbox received (method, path, body, status), reads included, oldest
 * first: tests assert what reached the "carrier" and in which order (unlink before link, a read
 * before anything further), and nothing else does.
 */
@Component
public class SandboxJournal {

	private static final int CAPACITY = 10_000;

	public record Entry(Instant at, String method, String path, String body, int status) {
	}

	private final Deque<Entry> entries = new ArrayDeque<>();

	synchronized void record(Entry entry) {
		if (entries.size() == CAPACITY) {
			entries.removeFirst();
		}
		entries.addLast(entry);
	}

	public synchronized List<Entry> entries() {
		return List.copyOf(entries);
	}

	public synchronized List<Entry> matching(Predicate<Entry> filter) {
		return entries.stream().filter(filter).toList();
	}

	public synchronized void clear() {
		entries.clear();
	}
}
