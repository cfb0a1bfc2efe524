/* Turns one line of xbox/imports.def into an import (slot and, for a function, thunk). The
 * build compiles each line on its own into one member of the import library. */
#include "xeximport.h"
#define XBOX_FUNCTION(lib, ordinal, name) XEX_IMPORT_FUNCTION(lib, ordinal, name);
#define XBOX_VARIABLE(lib, ordinal, name) XEX_IMPORT_VARIABLE(lib, ordinal, name);
