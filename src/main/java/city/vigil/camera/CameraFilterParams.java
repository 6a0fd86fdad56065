package city.vigil.camera;

import city.vigil.platform.Params;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The camera filters as query parameters, shared by list, counts and export. */
public class CameraFilterParams {
    @QueryParam("area")
    @Parameter(description = "Area code: cameras anywhere in its subtree")
    String area;
    @QueryParam("pointClass")
    @Parameter(description = "Point classes, comma-separated (1, 2, 3, 4, 9)")
    String pointClass;
    @QueryParam("lifecycle")
    @Parameter(description = "IN_USE, REPAIR or REMOVED")
    String lifecycle;
    @QueryParam("owner")
    @Parameter(description = "Owner unit (建设单位), exact")
    String owner;
    @QueryParam("maintainer")
    @Parameter(description = "Maintainer unit (维护单位), exact")
    String maintainer;
    @QueryParam("networked")
    String networked;
    @QueryParam("tag")
    String tag;
    @QueryParam("q")
    @Parameter(description = "Text in name or address")
    String text;
    @QueryParam("bbox")
    @Parameter(description = "minLon,minLat,maxLon,maxLat")
    String bbox;
    @QueryParam("incomplete")
    @Parameter(description = "true: only cameras lacking mandatory fields for their class")
    String incomplete;
    @QueryParam("parent")
    @Parameter(description = "Parent device gbId")
    String parent;
    @QueryParam("warned")
    @Parameter(description = "true: only cameras whose record raised a warning (GB ID division against area)")
    String warned;

    public CameraFilter toFilter() {
        return new CameraFilter(Params.blankToNull(area), Params.ints("pointClass", pointClass, 1, 2, 3, 4, 9),
                Params.enumValue("lifecycle", lifecycle, Lifecycle.class), Params.blankToNull(owner),
                Params.blankToNull(maintainer), Params.bool("networked", networked), Params.blankToNull(tag),
                Params.blankToNull(text), Params.bbox("bbox", bbox), Params.bool("incomplete", incomplete),
                Params.blankToNull(parent), Params.bool("warned", warned));
    }
}
