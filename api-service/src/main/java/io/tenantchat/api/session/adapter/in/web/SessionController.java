package io.tenantchat.api.session.adapter.in.web;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.api.session.application.ManageSessionUseCase;
import io.tenantchat.api.session.application.StartSessionUseCase;
import io.tenantchat.api.session.application.ViewSessionsUseCase;
import io.tenantchat.shared.SessionId;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final StartSessionUseCase startSession;
    private final ViewSessionsUseCase viewSessions;
    private final ManageSessionUseCase manageSession;

    SessionController(StartSessionUseCase startSession, ViewSessionsUseCase viewSessions,
            ManageSessionUseCase manageSession) {
        this.startSession = startSession;
        this.viewSessions = viewSessions;
        this.manageSession = manageSession;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SessionResponse> create(Caller caller) {
        SessionResponse created = SessionResponse.of(startSession.start(caller));
        return ResponseEntity.created(URI.create("/api/sessions/" + created.sessionId())).body(created);
    }

    @GetMapping
    SessionListResponse list(Caller caller) {
        return new SessionListResponse(viewSessions.list(caller).stream().map(SessionResponse::of).toList());
    }

    @GetMapping("/{sessionId}")
    SessionResponse get(Caller caller, @PathVariable String sessionId) {
        return SessionResponse.of(viewSessions.get(caller, SessionId.of(sessionId)));
    }

    @PatchMapping("/{sessionId}")
    SessionResponse rename(Caller caller, @PathVariable String sessionId, @RequestBody RenameSessionBody body) {
        return SessionResponse.of(manageSession.rename(caller, SessionId.of(sessionId), body.toTitle()));
    }

    /** 204; the session's messages go with it (see {@link ManageSessionUseCase#delete}). */
    @DeleteMapping("/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String sessionId) {
        manageSession.delete(caller, SessionId.of(sessionId));
    }
}
