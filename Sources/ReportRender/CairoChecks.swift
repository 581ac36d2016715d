import CCairo
import ReportScene

/// Cairo reports errors through sticky status codes; these turn them into `RenderError`s.
func checkStatus(_ cr: OpaquePointer, during: String) throws {
    let status = cairo_status(cr)
    if status != CAIRO_STATUS_SUCCESS {
        throw RenderError.cairo(status: String(cString: cairo_status_to_string(status)), during: during)
    }
}

func checkSurface(_ surface: OpaquePointer, during: String) throws {
    let status = cairo_surface_status(surface)
    if status != CAIRO_STATUS_SUCCESS {
        throw RenderError.cairo(status: String(cString: cairo_status_to_string(status)), during: during)
    }
}

func validate(_ size: Size) throws {
    guard size.width > 0, size.height > 0, size.width.isFinite, size.height.isFinite,
          size.width < 200_000, size.height < 200_000 else {
        throw RenderError.invalidPageSize(width: size.width, height: size.height)
    }
}
