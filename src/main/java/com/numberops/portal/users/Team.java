package com.numberops.portal.users;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/** A team owns numbers; users may be limited to some teams. */
@Table("teams")
public class Team {

	@Id
	private @Nullable Long id;

	private String name;

	private Instant createdAt;

	@PersistenceCreator
	Team(@Nullable Long id, String name, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.createdAt = createdAt;
	}

	public static Team named(String name, Instant now) {
		return new Team(null, name.strip(), now);
	}

	public @Nullable Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
