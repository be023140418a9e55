package io.tenantchat.api.openai.adapter.in.web;

import java.util.List;

/** OpenAI's model list: the models the caller's tenant may name. */
record ModelList(String object, List<Model> data) {

    static ModelList of(List<String> ids) {
        return new ModelList("list", ids.stream().map(id -> new Model(id, "model", 0, "tenantchat")).toList());
    }

    record Model(String id, String object, long created, String ownedBy) {
    }
}
