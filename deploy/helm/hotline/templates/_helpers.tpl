{{- define "hotline.image" -}}{{ .Values.image.repository }}:{{ .Values.image.tag }}{{- end -}}
{{- define "hotline.env" -}}
- {name: BACKEND_TOKEN, valueFrom: {secretKeyRef: {name: {{ .Values.secretName }}, key: BACKEND_TOKEN}}}
- {name: RASA_TOKEN, valueFrom: {secretKeyRef: {name: {{ .Values.secretName }}, key: RASA_TOKEN}}}
- {name: SESSION_SECRET, valueFrom: {secretKeyRef: {name: {{ .Values.secretName }}, key: SESSION_SECRET}}}
- {name: ACTION_SERVER_TOKEN, valueFrom: {secretKeyRef: {name: {{ .Values.secretName }}, key: ACTION_SERVER_TOKEN}}}
- {name: ID_NUMBER_KEY, valueFrom: {secretKeyRef: {name: {{ .Values.secretName }}, key: ID_NUMBER_KEY}}}
- {name: REST_TOKEN, valueFrom: {secretKeyRef: {name: {{ .Values.secretName }}, key: REST_TOKEN, optional: true}}}
- {name: POSTGRES_PASSWORD, valueFrom: {secretKeyRef: {name: {{ .Values.secretName }}, key: POSTGRES_PASSWORD}}}
- name: DATABASE_URL
  value: "postgresql+asyncpg://{{ .Values.stores.postgres.user }}:$(POSTGRES_PASSWORD)@{{ .Values.stores.postgres.host }}:{{ .Values.stores.postgres.port }}/{{ .Values.stores.postgres.backendDb }}"
- {name: BACKEND_URL, value: "http://hotline-backend:8000"}
- {name: RASA_URL, value: "http://hotline-rasa:5005"}
- {name: REDIS_URL, value: "redis://{{ .Values.stores.redis.host }}:{{ .Values.stores.redis.port }}/0"}
- {name: HOTLINE_ENV, value: production}
{{- end -}}
