package city.vigil.ledger;

import city.vigil.area.AreaLevel;
import city.vigil.area.AreaRequest;
import city.vigil.area.AreaService;
import city.vigil.checkpoint.CheckpointRequest;
import city.vigil.checkpoint.CheckpointService;
import city.vigil.platform.ApiException;
import city.vigil.platform.FieldError;
import city.vigil.platform.Outcome;
import city.vigil.platform.Scope;
import city.vigil.site.SiteRequest;
import city.vigil.site.SiteService;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports areas, checkpoints and key sites row by row through the same services as the API, all in one
 * transaction: a rejected row writes nothing (services validate first), atomic mode and dry runs roll back at the end.
 * These ledgers are small (tens of thousands of rows), so the per-row path is fast enough.
 */
@ApplicationScoped
class RegistryRowImporter {
    private static final int CLEAR_EVERY = 1000;
    private static final Map<String, AreaLevel> LEVEL_NAMES = Map.of("市", AreaLevel.CITY, "区", AreaLevel.DISTRICT,
            "县", AreaLevel.DISTRICT, "街道", AreaLevel.STREET, "镇", AreaLevel.STREET, "街镇", AreaLevel.STREET,
            "社区", AreaLevel.COMMUNITY, "村", AreaLevel.COMMUNITY, "网格", AreaLevel.GRID);

    private final AreaService areas;
    private final CheckpointService checkpoints;
    private final SiteService sites;
    private final ObjectMapper mapper;
    private final EntityManager em;

    RegistryRowImporter(AreaService areas, CheckpointService checkpoints, SiteService sites, ObjectMapper mapper, EntityManager em) {
        this.areas = areas;
        this.checkpoints = checkpoints;
        this.sites = sites;
        this.mapper = mapper;
        this.em = em;
    }

    ImportState run(LedgerReader reader, ImportJob job, Scope scope, ImportProgress progress, ImportErrors errors) throws IOException {
        if (job.format == ImportFormat.CSV) {
            if (job.kind != ImportKind.AREAS) {
                throw new LedgerFormatException(job.kind.name().toLowerCase(Locale.ROOT) + " are imported as JSON (they have nested fields)");
            }
            reader.startCsv(LedgerColumns.AREA);
        } else {
            reader.startJson();
        }
        try {
            return QuarkusTransaction.requiringNew().timeout(6 * 3600).call(() -> importRows(reader, job, scope, progress, errors));
        } catch (RollBack signal) {
            return signal.state;
        }
    }

    /** Thrown to end the import's transaction in rollback while still reporting how the job ended. */
    private static final class RollBack extends RuntimeException {
        final ImportState state;

        RollBack(ImportState state) {
            super(null, null, false, false);
            this.state = state;
        }
    }

    private ImportState importRows(LedgerReader reader, ImportJob job, Scope scope, ImportProgress progress, ImportErrors errors) {
        {
            LedgerRow row;
            while ((row = readRow(reader)) != null) {
                progress.rowsRead++;
                List<RowError> rowErrors = new ArrayList<>();
                Object request = parse(job.kind, row, rowErrors);
                if (request != null) {
                    try {
                        count(progress, write(scope, request));
                    } catch (ApiException e) {
                        em.clear();
                        if (e.errors.isEmpty()) {
                            rowErrors.add(new RowError(row.rowNo(), null, null, null, e.getMessage()));
                        }
                        for (FieldError f : e.errors) {
                            rowErrors.add(new RowError(row.rowNo(), f.field(), row.column(f.field()), shown(row, f.field()),
                                    row.explain(f.field(), f.reason())));
                        }
                    }
                }
                if (!rowErrors.isEmpty()) {
                    errors.reject(rowErrors);
                    progress.rejected++;
                } else {
                    progress.accepted++;
                }
                if (progress.rowsRead % CLEAR_EVERY == 0) {
                    em.flush();
                    em.clear();
                }
                progress.bytesRead = reader.bytesRead();
                progress.tick();
            }
            errors.flush();
            ImportState state = progress.rejected == 0 ? ImportState.SUCCEEDED
                    : job.mode == ImportMode.ATOMIC ? ImportState.REJECTED : ImportState.PARTIAL;
            if (job.dryRun || state == ImportState.REJECTED) {
                throw new RollBack(state);
            }
            return state;
        }
    }

    private static LedgerRow readRow(LedgerReader reader) {
        try {
            return reader.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void count(ImportProgress progress, Outcome outcome) {
        switch (outcome) {
            case CREATED -> progress.created++;
            case UPDATED -> progress.updated++;
            case UNCHANGED -> progress.unchanged++;
        }
    }

    private Outcome write(Scope scope, Object request) {
        if (request instanceof AreaRequest a) {
            return areas.upsert(scope, a);
        }
        if (request instanceof CheckpointRequest c) {
            return checkpoints.upsert(scope, c);
        }
        return sites.upsert(scope, (SiteRequest) request);
    }

    private Object parse(ImportKind kind, LedgerRow row, List<RowError> errors) {
        if (row.malformed() != null) {
            errors.add(new RowError(row.rowNo(), null, null, null, row.malformed()));
            return null;
        }
        if (row.json() == null) {
            return areaFromCsv(row, errors);
        }
        Class<?> type = switch (kind) {
            case AREAS -> AreaRequest.class;
            case CHECKPOINTS -> CheckpointRequest.class;
            case SITES -> SiteRequest.class;
            case CAMERAS -> throw new IllegalArgumentException("cameras go through CameraBulkWriter");
        };
        try {
            return mapper.treeToValue(row.json(), type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
            errors.add(new RowError(row.rowNo(), field, field, null, e.getOriginalMessage().split("\n")[0]));
        } catch (IOException e) {
            errors.add(new RowError(row.rowNo(), null, null, null, e.getMessage()));
        }
        return null;
    }

    private static AreaRequest areaFromCsv(LedgerRow row, List<RowError> errors) {
        Map<String, String> v = row.values();
        AreaLevel level = null;
        String levelText = v.get("level");
        if (levelText != null) {
            level = LEVEL_NAMES.get(levelText);
            if (level == null) {
                try {
                    level = AreaLevel.valueOf(levelText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(row.rowNo(), "level", row.column("level"), levelText,
                            "must be CITY, DISTRICT, STREET, COMMUNITY or GRID (or 市/区/街道/社区/网格)"));
                }
            }
        }
        BigDecimal land = null;
        if (v.get("landAreaKm2") != null) {
            try {
                land = new BigDecimal(v.get("landAreaKm2"));
            } catch (NumberFormatException e) {
                errors.add(new RowError(row.rowNo(), "landAreaKm2", row.column("landAreaKm2"), v.get("landAreaKm2"), "must be a number"));
            }
        }
        return errors.isEmpty() ? new AreaRequest(v.get("code"), v.get("name"), level, v.get("parentCode"), land, null) : null;
    }

    private static String shown(LedgerRow row, String field) {
        return row.values() == null ? null : row.values().get(field);
    }
}
