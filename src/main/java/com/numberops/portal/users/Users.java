package com.numberops.portal.users;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface Users extends ListCrudRepository<PortalUser, Long> {

	/** Usernames are stored lower-case (the schema insists), so callers pass them lower-cased. */
	Optional<PortalUser> findByUsername(String username);

	boolean existsByUsername(String username);

	List<PortalUser> findAllByOrderByUsername();

	long countByRoleAndEnabledTrue(Role role);
}
