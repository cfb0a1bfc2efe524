/* Xbox 360 kernel types and structure layouts, as the console's 32-bit big-endian ABI has them.
 * Our own declarations of public facts (field order, sizes, constant values); every structure
 * carries a size check so that a layout mistake fails the build. */
#ifndef XBOX_TYPES_H
#define XBOX_TYPES_H

typedef unsigned char UCHAR, BOOLEAN, BYTE;
typedef char CHAR;
typedef unsigned short USHORT, WORD;
typedef short SHORT;
typedef long LONG;
typedef unsigned long ULONG, DWORD, SIZE_T, ULONG_PTR, KAFFINITY;
typedef int INT;
typedef unsigned int UINT;
typedef long long LONGLONG;
typedef unsigned long long ULONGLONG;
typedef void VOID, *PVOID;
typedef LONG NTSTATUS;
typedef PVOID HANDLE;
typedef HANDLE *PHANDLE;
typedef ULONG *PULONG, *PDWORD, *PSIZE_T;
typedef LONG *PLONG;
typedef BOOLEAN *PBOOLEAN;
typedef CHAR KPROCESSOR_MODE;
typedef PVOID PKTHREAD, POBJECT_TYPE;

#define TRUE 1
#define FALSE 0
#define NULL ((void *)0)

#define XBOX_ASSERT_SIZE(type, size) _Static_assert(sizeof(type) == (size), #type " size")

/* A 64-bit count passed by pointer; the console's kernel reads and writes it big-endian, as
 * one doubleword, which is exactly how a 32-bit PowerPC C compiler lays out a long long. */
typedef union _LARGE_INTEGER {
    struct {
        LONG HighPart;
        ULONG LowPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;
XBOX_ASSERT_SIZE(LARGE_INTEGER, 8);

typedef struct _LIST_ENTRY {
    struct _LIST_ENTRY *Flink;
    struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY;

typedef struct _ANSI_STRING {
    USHORT Length;
    USHORT MaximumLength;
    CHAR *Buffer;
} ANSI_STRING, STRING, *PANSI_STRING;
XBOX_ASSERT_SIZE(ANSI_STRING, 8);

typedef struct _OBJECT_ATTRIBUTES {
    HANDLE RootDirectory;
    PANSI_STRING ObjectName;
    ULONG Attributes;
} OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
XBOX_ASSERT_SIZE(OBJECT_ATTRIBUTES, 12);

/* The header every waitable kernel object starts with. */
typedef struct _DISPATCHER_HEADER {
    UCHAR Type;
    UCHAR Absolute;
    UCHAR Size;
    UCHAR Inserted;
    LONG SignalState;
    LIST_ENTRY WaitListHead;
} DISPATCHER_HEADER;
XBOX_ASSERT_SIZE(DISPATCHER_HEADER, 16);

typedef struct _KEVENT {
    DISPATCHER_HEADER Header;
} KEVENT, *PKEVENT;
XBOX_ASSERT_SIZE(KEVENT, 16);

/* The console's critical section embeds its event's dispatcher header. */
typedef struct _RTL_CRITICAL_SECTION {
    DISPATCHER_HEADER Synchronization;
    LONG LockCount;
    LONG RecursionCount;
    HANDLE OwningThread;
} RTL_CRITICAL_SECTION, *PRTL_CRITICAL_SECTION;
XBOX_ASSERT_SIZE(RTL_CRITICAL_SECTION, 28);

typedef struct _MEMORY_BASIC_INFORMATION {
    PVOID BaseAddress;
    PVOID AllocationBase;
    ULONG AllocationProtect;
    SIZE_T RegionSize;
    ULONG State;
    ULONG Protect;
    ULONG Type;
} MEMORY_BASIC_INFORMATION, *PMEMORY_BASIC_INFORMATION;
XBOX_ASSERT_SIZE(MEMORY_BASIC_INFORMATION, 28);

/* The kernel's clock page (KeTimeStampBundle): interrupt time and system time in 100 ns units,
 * then a millisecond tick count. */
typedef struct _KTIME_STAMP_BUNDLE {
    ULONGLONG InterruptTime;
    ULONGLONG SystemTime;
    ULONG TickCount;
    ULONG Padding;
} KTIME_STAMP_BUNDLE;
XBOX_ASSERT_SIZE(KTIME_STAMP_BUNDLE, 24);

typedef DWORD (*PTHREAD_START_ROUTINE)(PVOID context);
typedef VOID (*PTIMER_APC_ROUTINE)(PVOID context, ULONG low, LONG high);

/* NTSTATUS values (NT's documented codes). */
#define STATUS_SUCCESS                  ((NTSTATUS)0x00000000)
#define STATUS_ABANDONED_WAIT_0         ((NTSTATUS)0x00000080)
#define STATUS_TIMEOUT                  ((NTSTATUS)0x00000102)
#define STATUS_ALREADY_COMMITTED        ((NTSTATUS)0xC0000021)
#define STATUS_INVALID_HANDLE           ((NTSTATUS)0xC0000008)
#define STATUS_INVALID_PAGE_PROTECTION  ((NTSTATUS)0xC0000045)
#define STATUS_MUTANT_NOT_OWNED         ((NTSTATUS)0xC0000046)
#define STATUS_SEMAPHORE_LIMIT_EXCEEDED ((NTSTATUS)0xC0000047)
#define STATUS_FREE_VM_NOT_AT_BASE      ((NTSTATUS)0xC000009F)
#define STATUS_MEMORY_NOT_ALLOCATED     ((NTSTATUS)0xC00000A0)
#define NT_SUCCESS(status)              ((NTSTATUS)(status) >= 0)

/* Object and wait enumerations. */
#define NotificationEvent   0   /* manual reset */
#define SynchronizationEvent 1  /* auto reset */
#define NotificationTimer   0
#define SynchronizationTimer 1
#define WaitAll             0
#define WaitAny             1
#define KernelMode          0
#define UserMode            1
#define Executive           0   /* KWAIT_REASON */
#define CREATE_SUSPENDED    0x00000001

/* Memory: allocation types, states and page protections. */
#define MEM_COMMIT          0x00001000
#define MEM_RESERVE         0x00002000
#define MEM_DECOMMIT        0x00004000
#define MEM_RELEASE         0x00008000
#define MEM_FREE            0x00010000
#define MEM_PRIVATE         0x00020000
#define MEM_LARGE_PAGES     0x20000000
#define PAGE_NOACCESS       0x01
#define PAGE_READONLY       0x02
#define PAGE_READWRITE      0x04
#define PAGE_EXECUTE        0x10
#define PAGE_EXECUTE_READ   0x20
#define PAGE_EXECUTE_READWRITE 0x40

#endif
