package com.numberops.portal.users;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface Teams extends ListCrudRepository<Team, Long> {

	List<Team> findAllByOrderByName();

	@Query("select exists (select 1 from teams where lower(name) = lower(:name))")
	boolean existsByNameIgnoringCase(String name);
}
