// The fuzz targets' entry point is LLVMFuzzerTestOneInput (Swift, @_cdecl). This target only
// supplies a weak `main` for ordinary builds; see FuzzMain.c.
#pragma once
