/* A tiny freestanding title: calls one kernel function, reads one kernel variable, and uses
 * initialized data, read-only data and .bss so that every kind of segment appears. */
#include "xeximport.h"

XEX_IMPORT_FUNCTION(xboxkrnl, 0x1, DbgPrint);
XEX_IMPORT_FUNCTION(xam, 0x1F5, XamShowMessageBoxUI);
XEX_IMPORT_VARIABLE(xboxkrnl, 0x2AD, KeTimeStampBundle_ptr);

extern void DbgPrint(const char *format, ...);
extern int XamShowMessageBoxUI(int user);
extern volatile unsigned int *const KeTimeStampBundle_ptr;

int counter = 5;
int scratch[256];
static const char greeting[] = "hello from xexpack";

int _start(int argument)
{
    counter += argument;
    scratch[argument & 255] = counter;
    DbgPrint(greeting);
    return counter + XamShowMessageBoxUI(0) + (int)*KeTimeStampBundle_ptr;
}
