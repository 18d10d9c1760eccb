/** Connection pool, migrations and Jdbi: the storage every engine feature builds on. */
@NullMarked
package dev.streamcat.engine.persistence;

import org.jspecify.annotations.NullMarked;
