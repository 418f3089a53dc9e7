# Next Step: build with dev dependencies (Prisma client generation, type check), run with production ones only.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts tsconfig.json ./
RUN npm ci --no-audit --no-fund
COPY src ./src
RUN npm run typecheck

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/src ./src
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
ENV NEXTSTEP_DATA_DIR=/app/.data
EXPOSE 3000
CMD ["node", "--import", "tsx", "src/bin/start.ts"]
