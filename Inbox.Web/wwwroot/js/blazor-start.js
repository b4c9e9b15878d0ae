// Starts Blazor with the keep-alive timing the server's hub options expect (InboxWebExtensions.AddInboxWeb): pings every
// 30 s instead of SignalR's 15 s, and the server given up on after 60 s of silence (twice its own 30 s pings). It is a
// file, not an inline script, because the Content-Security-Policy allows scripts from this origin only.
Blazor.start({
    circuit: {
        configureSignalR: builder => builder.withServerTimeout(60000).withKeepAliveInterval(30000),
    },
});
