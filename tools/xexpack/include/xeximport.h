/* Declaring imports for xexpack from C.
 *
 *   XEX_IMPORT_FUNCTION(xboxkrnl, 0x3, DbgPrint);   then declare and call DbgPrint as usual
 *   XEX_IMPORT_VARIABLE(xboxkrnl, 0xAD, KeTimeStampBundle_ptr);
 *                                           then: extern volatile void *const KeTimeStampBundle_ptr;
 *
 * A function import is a 4-byte slot plus a 16-byte thunk that callers branch to; a variable
 * import is a slot alone, which the loader fills with the variable's address. xexpack finds
 * them through the symbols __imp_<library>_<ordinal> (slot) and __thunk_<library>_<ordinal>
 * (thunk). Use each macro at file scope, once per import per program. */
#ifndef XEXIMPORT_H
#define XEXIMPORT_H

#define XEX_IMPORT_SLOT_(lib, ordinal)                                  \
    ".pushsection .data.xeximport,\"aw\"\n\t.balign 4\n"                \
    "\t.globl __imp_" #lib "_" #ordinal "\n"                            \
    "__imp_" #lib "_" #ordinal ":\n"

#define XEX_IMPORT_FUNCTION(lib, ordinal, name)                         \
    __asm__(XEX_IMPORT_SLOT_(lib, ordinal)                              \
            "\t.long 0\n.popsection\n"                                  \
            ".pushsection .text.xeximport,\"ax\"\n\t.balign 4\n"        \
            "\t.globl " #name "\n\t.globl __thunk_" #lib "_" #ordinal "\n" \
            #name ":\n__thunk_" #lib "_" #ordinal ":\n"                 \
            "\t.long 0, 0, 0, 0\n.popsection\n")

#define XEX_IMPORT_VARIABLE(lib, ordinal, name)                         \
    __asm__(XEX_IMPORT_SLOT_(lib, ordinal)                              \
            "\t.globl " #name "\n" #name ":\n"                          \
            "\t.long 0\n.popsection\n")

#endif
